package org.luoshi.task.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.luoshi.platform.problem.ProblemException;

/**
 * The text of a workbook (.xlsx) or Word document (.docx), laid out as the text importer reads tables: one line per
 * spreadsheet row or Word table row with its cells separated by tabs, one line per Word paragraph, in document order.
 * The kind is told by the content — a zip archive holding {@code [Content_Types].xml} and {@code xl/workbook.xml} or
 * {@code word/document.xml} — never by the file name. Empty trailing cells are dropped, so a title or a chapter
 * heading spanning a table is a line of its own; a Word cell spanning several columns is followed by blank cells, as
 * a merged spreadsheet cell is; a line break inside a cell is dropped after punctuation and
 * otherwise becomes {@code ，}; date cells are written {@code 2019年12月31日}.
 */
public final class OfficeText {

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final String CLAUSE_END = "。；;，,、：:";
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final int MAX_ENTRIES = 10_000;
    /** More columns than any task table has: a larger span in a damaged file adds no more blanks. */
    private static final int MAX_SPAN = 64;

    private OfficeText() {
    }

    /** The text of an .xlsx or .docx file; empty for anything that is not a zip archive (text files). */
    public static Optional<String> of(byte[] content) {
        if (startsWith(content, OLE2)) {
            throw new ProblemException(415, "unsupported-file", "Legacy Office file",
                    "the file is a legacy .xls or .doc document: save it as .xlsx or .docx, or as text");
        }
        if (!startsWith(content, ZIP)) {
            return Optional.empty();
        }
        Set<String> parts = partNames(content);
        try {
            if (parts.contains("[Content_Types].xml") && parts.contains("xl/workbook.xml")) {
                return Optional.of(workbook(content));
            }
            if (parts.contains("[Content_Types].xml") && parts.contains("word/document.xml")) {
                return Optional.of(wordDocument(content));
            }
        } catch (IOException | RuntimeException e) {
            throw ProblemException.unprocessable("the file looks like an .xlsx or .docx file but cannot be read: "
                    + e.getClass().getSimpleName());
        }
        throw new ProblemException(415, "unsupported-file", "Not a document",
                "the file is a zip archive but neither an .xlsx workbook nor a .docx document");
    }

    private static Set<String> partNames(byte[] content) {
        Set<String> names = new HashSet<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null && names.size() < MAX_ENTRIES) {
                names.add(entry.getName());
            }
        } catch (IOException e) {
            throw new ProblemException(415, "unsupported-file", "Not a document", "the file is a damaged zip archive");
        }
        return names;
    }

    private static String workbook(byte[] content) throws IOException {
        StringBuilder text = new StringBuilder();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            DataFormatter formatter = new DataFormatter();
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                if (workbook.isSheetHidden(s) || workbook.isSheetVeryHidden(s)) {
                    continue;
                }
                Sheet sheet = workbook.getSheetAt(s);
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : cellText(value(cell, formatter, evaluator)));
                    }
                    line(text, cells);
                }
            }
        }
        return text.toString();
    }

    private static String value(Cell cell, DataFormatter formatter, FormulaEvaluator evaluator) {
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().format(CHINESE_DATE);
        }
        return formatter.formatCellValue(cell, evaluator);
    }

    private static String wordDocument(byte[] content) throws IOException {
        StringBuilder text = new StringBuilder();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    line(text, List.of(cellText(paragraph.getText())));
                } else if (element instanceof XWPFTable table) {
                    for (XWPFTableRow row : table.getRows()) {
                        List<String> cells = new ArrayList<>();
                        for (XWPFTableCell cell : row.getTableCells()) {
                            cells.add(cellText(String.join("\n", cell.getParagraphs().stream().map(XWPFParagraph::getText).toList())));
                            // a cell spanning columns is followed by blanks, so that every row's cells stay in their columns
                            for (int spanned = 1; spanned < gridSpan(cell); spanned++) {
                                cells.add("");
                            }
                        }
                        line(text, cells);
                    }
                }
            }
        }
        return text.toString();
    }

    private static int gridSpan(XWPFTableCell cell) {
        CTTcPr properties = cell.getCTTc().getTcPr();
        if (properties == null || !properties.isSetGridSpan() || properties.getGridSpan().getVal() == null) {
            return 1;
        }
        return Math.max(1, Math.min(MAX_SPAN, properties.getGridSpan().getVal().intValue()));
    }

    private static void line(StringBuilder text, List<String> cells) {
        int last = cells.size();
        while (last > 0 && cells.get(last - 1).isBlank()) {
            last--;
        }
        text.append(String.join("\t", cells.subList(0, last))).append('\n');
    }

    /** A cell's lines joined: nothing after punctuation, {@code ，} otherwise; tabs become spaces. */
    static String cellText(String raw) {
        StringBuilder out = new StringBuilder();
        for (String line : raw.replace('\t', ' ').split("\r?\n|\r|\u000B")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (!out.isEmpty() && CLAUSE_END.indexOf(out.charAt(out.length() - 1)) < 0) {
                out.append('，');
            }
            out.append(l);
        }
        return out.toString();
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
