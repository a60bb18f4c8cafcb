package org.luoshi.task.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.luoshi.task.api.model.Assignment;
import org.luoshi.task.api.model.AssignmentRole;
import org.luoshi.task.api.model.Document;
import org.luoshi.task.api.model.Health;
import org.luoshi.task.api.model.Task;
import org.luoshi.task.api.model.TaskStatus;

/**
 * A document's tasks as an .xlsx ledger (台账): a title row naming the document, a header row, then one row per task
 * in the order written. The columns are the contract's (exportDocumentLedger); units appear under their current
 * name, or as written while unresolved; a key task's own number carries the star plans mark them with (★1, （三）★1.).
 */
final class LedgerWorkbook {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final List<String> HEADER = List.of("序号", "类别", "任务", "主要内容", "牵头单位", "参与单位", "责任单位", "完成时限",
            "状态", "健康度");
    private static final int[] WIDTHS = {10, 24, 30, 60, 24, 24, 24, 14, 10, 10};
    private static final Map<TaskStatus, String> STATUS = Map.of(TaskStatus.NOT_STARTED, "未开始",
            TaskStatus.IN_PROGRESS, "推进中", TaskStatus.COMPLETED, "已办结", TaskStatus.SUSPENDED, "已暂停",
            TaskStatus.CANCELLED, "已取消");
    private static final Map<Health, String> HEALTH = Map.of(Health.GREEN, "正常", Health.YELLOW, "预警", Health.RED, "逾期");

    private LedgerWorkbook() {
    }

    static byte[] write(Document document, List<Task> tasks) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("台账");
            CellStyle title = style(workbook, true, false);
            CellStyle header = style(workbook, true, true);
            CellStyle text = style(workbook, false, true);
            CellStyle date = style(workbook, false, true);
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));

            Row titleRow = sheet.createRow(0);
            titleRow.createCell(0).setCellValue(title(document));
            titleRow.getCell(0).setCellStyle(title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADER.size() - 1));
            Row headerRow = sheet.createRow(1);
            for (int c = 0; c < HEADER.size(); c++) {
                Cell cell = headerRow.createCell(c);
                cell.setCellValue(HEADER.get(c));
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, WIDTHS[c] * 256);
            }
            sheet.createFreezePane(0, 2);

            Map<UUID, String> seqs = new HashMap<>();
            tasks.forEach(t -> seqs.put(t.getId(), t.getSeq()));
            int r = 2;
            for (Task task : tasks) {
                Row row = sheet.createRow(r++);
                String star = Boolean.TRUE.equals(task.getKeyTask()) ? "★" : "";
                String seq = fullSeq(task.getSeq(), task.getParentId() == null ? null : seqs.get(task.getParentId()), star);
                List<String> values = List.of(seq, nullToEmpty(task.getCategory()), task.getTitle(),
                        nullToEmpty(task.getContent()), units(task, AssignmentRole.LEAD), units(task, AssignmentRole.PARTICIPANT),
                        units(task, AssignmentRole.RESPONSIBLE));
                for (int c = 0; c < values.size(); c++) {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(values.get(c));
                    cell.setCellStyle(text);
                }
                Cell due = row.createCell(7);
                if (task.getDueDate() != null) {
                    due.setCellValue(task.getDueDate());
                }
                due.setCellStyle(date);
                row.createCell(8).setCellValue(STATUS.get(task.getStatus()));
                row.createCell(9).setCellValue(HEALTH.get(task.getHealth()));
                row.getCell(8).setCellStyle(text);
                row.getCell(9).setCellStyle(text);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file name the ledger is offered under. */
    static String fileName(Document document) {
        String name = document.getDocNumber() != null ? document.getDocNumber() : document.getTitle();
        return name.replaceAll("[\\\\/:*?\"<>|\\s]+", "_") + "-台账.xlsx";
    }

    private static String title(Document document) {
        return document.getTitle() + (document.getDocNumber() == null ? "" : "（" + document.getDocNumber() + "）") + " 任务台账";
    }

    private static String units(Task task, AssignmentRole role) {
        return task.getAssignments().stream().filter(a -> a.getRole() == role).map(LedgerWorkbook::name)
                .collect(Collectors.joining("、"));
    }

    private static String name(Assignment a) {
        if (a.getAgencyName() != null) {
            return a.getAgencyName();
        }
        return a.getRawName() != null ? a.getRawName() : "";
    }

    /**
     * A sub-task's number under its parent's, as plans write it, the key task's star before its own number: 1. under
     * （三） is （三）1.; a table's 1.1 under 1 already names its parent.
     */
    private static String fullSeq(String seq, String parentSeq, String star) {
        boolean namesParent = parentSeq != null && (seq.startsWith(parentSeq + ".") || seq.startsWith(parentSeq + "．"));
        return (parentSeq == null || namesParent ? "" : parentSeq) + star + seq;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static CellStyle style(XSSFWorkbook workbook, boolean bold, boolean bordered) {
        CellStyle style = workbook.createCellStyle();
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        if (bold) {
            Font font = workbook.createFont();
            font.setBold(true);
            style.setFont(font);
            style.setAlignment(HorizontalAlignment.CENTER);
        }
        if (bordered) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        return style;
    }
}
