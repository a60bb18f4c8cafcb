package org.luoshi.task.document;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A policy implementation document (实施意见, 工作任务清单 …) whose tasks Luoshi tracks. */
@Entity
@Table(name = "policy_document")
public class PolicyDocument extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "doc_number", nullable = false)
    public String docNumber;

    @Column(nullable = false)
    public String title;

    @Column(name = "issuer_id")
    public UUID issuerId;

    @Column(nullable = false)
    public String jurisdiction;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "published_on")
    public LocalDate publishedOn;

    @Column(name = "implements_doc_number")
    public String implementsDocNumber;

    @Column(name = "source_file")
    public String sourceFile;

    @Column(name = "source_sha256")
    public String sourceSha256;

    /** The document an import with replace=true stored in this one's place; null while this one is current. */
    @Column(name = "superseded_by")
    public UUID supersededBy;

    @Column(name = "superseded_at")
    public OffsetDateTime supersededAt;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
