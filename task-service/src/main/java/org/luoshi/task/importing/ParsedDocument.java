package org.luoshi.task.importing;

import java.time.LocalDate;
import java.util.List;

/**
 * What the importer read from one source file. Metadata the document does not state is null.
 *
 * @param sourceFile          the file name as given
 * @param sourceSha256        SHA-256 of the file's bytes, hex
 * @param shape               how the tasks were laid out
 * @param docNumber           文号, e.g. 盘政办发〔2019〕9号 (normalized simplified form)
 * @param title               the document's title (normalized simplified form)
 * @param issuer              the issuing organ's name as the document gives it
 * @param issuedOn            成文日期
 * @param publishedOn         发布日期
 * @param implementsDocNumber the number of the higher-level document this one implements
 * @param tasks               the tasks, sub-items after their parent
 * @param milestones          document-level goals (from 主要目标 / 工作目标)
 * @param warnings            everything skipped or not repaired, for a person to check
 */
public record ParsedDocument(String sourceFile, String sourceSha256, DocumentShape shape, String docNumber,
        String title, String issuer, LocalDate issuedOn, LocalDate publishedOn, String implementsDocNumber,
        List<ParsedTask> tasks, List<ParsedMilestone> milestones, List<String> warnings) {

    public ParsedDocument {
        tasks = List.copyOf(tasks);
        milestones = List.copyOf(milestones);
        warnings = List.copyOf(warnings);
    }
}
