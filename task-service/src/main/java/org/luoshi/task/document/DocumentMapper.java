package org.luoshi.task.document;

import jakarta.enterprise.context.ApplicationScoped;
import org.luoshi.events.model.DocumentSnapshot;
import org.luoshi.task.api.model.Document;
import org.luoshi.task.api.model.SourceFile;
import org.luoshi.task.milestone.MilestoneMapper;

@ApplicationScoped
public class DocumentMapper {

    private final MilestoneMapper milestones;

    public DocumentMapper(MilestoneMapper milestones) {
        this.milestones = milestones;
    }

    public Document toApi(DocumentView view) {
        PolicyDocument d = view.document();
        Document document = new Document(d.id, d.title, d.jurisdiction, d.version).docNumber(d.docNumber)
                .issuerId(d.issuerId)
                .issuedOn(d.issuedOn)
                .publishedOn(d.publishedOn)
                ._implements(d.implementsDocNumber)
                .implementsDocumentId(view.implementsDocumentId())
                .milestones(view.goals().stream().map(milestones::toApi).toList())
                .taskCount(view.taskCount())
                .supersededBy(d.supersededBy)
                .supersededAt(d.supersededAt);
        if (d.sourceFile != null) {
            document.source(new SourceFile(d.sourceFile, d.sourceSha256));
        }
        return document;
    }

    public DocumentSnapshot toSnapshot(PolicyDocument d) {
        return new DocumentSnapshot(d.id, d.title, d.jurisdiction, d.version).docNumber(d.docNumber)
                .issuedOn(d.issuedOn)
                .publishedOn(d.publishedOn)
                ._implements(d.implementsDocNumber)
                .supersededBy(d.supersededBy);
    }
}
