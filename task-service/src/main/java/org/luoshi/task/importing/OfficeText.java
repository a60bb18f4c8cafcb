package org.luoshi.task.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.ICell;
import org.apache.poi.xwpf.usermodel.IRunElement;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNum;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFSDTCell;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlCursor;
import org.apache.xmlbeans.XmlObject;
import org.luoshi.platform.problem.ProblemException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;

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
    private static final DateTimeFormatter CHINESE_MONTH = DateTimeFormatter.ofPattern("yyyy年M月");
    /** A thousands separator between digits. */
    private static final Pattern THOUSANDS = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");
    /** A whole number shown with decimals (6.0): the number. */
    private static final Pattern WHOLE_WITH_ZEROS = Pattern.compile("^\\d{1,9}\\.0+$");
    /** More rows than one merged cell of a task table covers: a damaged file's larger region is not copied further. */
    private static final int MAX_MERGED_ROWS = 200;
    /**
     * Excel's built-in date formats of its Chinese, Japanese and Korean versions (yyyy"年"m"月"d"日" is 31, m"月"d"日" 58,
     * yyyy"年"m"月" 57), which zh-CN Excel and WPS write by id alone and POI knows no date in: those naming a day, and
     * those naming a month (the times among 27–58 are left as numbers).
     */
    private static final Set<Short> CJK_DAY_FORMATS = Set.of((short) 28, (short) 29, (short) 30, (short) 31, (short) 51,
            (short) 53, (short) 54, (short) 58);
    private static final Set<Short> CJK_MONTH_FORMATS = Set.of((short) 27, (short) 36, (short) 50, (short) 52, (short) 57);
    private static final int MAX_ENTRIES = 10_000;
    /** More columns than any task table has: a larger span in a damaged file adds no more blanks. */
    private static final int MAX_SPAN = 64;

    private OfficeText() {
    }

    /** The text of an .xlsx or .docx file; empty for anything that is not a zip archive (text files). */
    public static Optional<String> of(byte[] content) {
        return of(content, new ArrayList<>());
    }

    /** The same, saying in {@code warnings} what of the file is no part of the text (hidden rows). */
    public static Optional<String> of(byte[] content, List<String> warnings) {
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
                return Optional.of(workbook(content, warnings));
            }
            if (parts.contains("[Content_Types].xml") && parts.contains("word/document.xml")) {
                return Optional.of(wordDocument(content, warnings));
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

    private static String workbook(byte[] content, List<String> warnings) throws IOException {
        StringBuilder text = new StringBuilder();
        Struck struck = new Struck();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            DataFormatter formatter = new DataFormatter();
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            for (int s : sheetsInReadingOrder(workbook)) {
                if (workbook.isSheetHidden(s) || workbook.isSheetVeryHidden(s)) {
                    continue;
                }
                Sheet sheet = workbook.getSheetAt(s);
                Map<Long, CellRangeAddress> mergedDown = mergedDown(sheet);
                Set<Integer> hiddenColumns = new HashSet<>();
                // a row may hold no cell object where a merged cell above covers it (files written by other tools)
                int mergedWidth = mergedDown.values().stream().mapToInt(r -> r.getLastColumn() + 1).max().orElse(0);
                for (Row row : sheet) {
                    if (row.getZeroHeight()) {
                        // hidden by whoever kept the table (a task moved elsewhere): no row of it, but said so
                        warnings.add("hidden row " + (row.getRowNum() + 1) + " of sheet " + sheet.getSheetName()
                                + " skipped");
                        continue;
                    }
                    List<String> cells = new ArrayList<>();
                    List<String> kept = new ArrayList<>();
                    for (int c = 0; c < Math.max(mergedWidth, row.getLastCellNum()); c++) {
                        if (sheet.isColumnHidden(c)) {
                            // hidden as rows are (an old column kept beside its replacement, a helper column): no cell
                            if (hiddenColumns.add(c)) {
                                warnings.add("hidden column " + CellReference.convertNumToColString(c) + " of sheet "
                                        + sheet.getSheetName() + " skipped");
                            }
                            continue;
                        }
                        Cell cell = row.getCell(c);
                        CellRangeAddress merged = mergedDown.get(key(row.getRowNum(), c));
                        if (merged != null && merged.getFirstRow() != row.getRowNum()) {
                            // a cell merged down over several rows (the lead unit of two rows) holds its value in each
                            Row first = sheet.getRow(merged.getFirstRow());
                            cell = first == null ? null : first.getCell(c);
                        }
                        String value = cell == null ? "" : value(cell, formatter, evaluator);
                        cells.add(cellText(value));
                        kept.add(cell == null ? "" : cellText(unstruck(cell, value)));
                    }
                    line(text, struck.row(cells, kept));
                }
            }
        }
        struck.report(warnings);
        return text.toString();
    }

    /**
     * The sheets' indexes, those of instructions (填表说明, 说明, 须知) after the others: a sheet of how to fill the table in,
     * placed first, would give the document its title; its notes (注：排在第一位的为牵头单位…) still count after the table.
     */
    private static List<Integer> sheetsInReadingOrder(XSSFWorkbook workbook) {
        List<Integer> order = new ArrayList<>();
        List<Integer> instructions = new ArrayList<>();
        for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
            (INSTRUCTIONS.matcher(workbook.getSheetName(s)).find() ? instructions : order).add(s);
        }
        order.addAll(instructions);
        return order;
    }

    private static final Pattern INSTRUCTIONS = Pattern.compile("说明|须知|指引|填报要求");

    /**
     * The sheet's merged regions more than one row high, by each cell of their first column (a region wider than one
     * column keeps its value in its first column, as a row of it shows; the columns it spans stay blank).
     */
    private static Map<Long, CellRangeAddress> mergedDown(Sheet sheet) {
        Map<Long, CellRangeAddress> cells = new HashMap<>();
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            if (region.getLastRow() > region.getFirstRow()) {
                for (int r = region.getFirstRow(); r <= region.getLastRow() && r - region.getFirstRow() < MAX_MERGED_ROWS; r++) {
                    cells.put(key(r, region.getFirstColumn()), region);
                }
            }
        }
        return cells;
    }

    private static long key(int row, int column) {
        return ((long) row << 16) | column;
    }

    private static String value(Cell cell, DataFormatter formatter, FormulaEvaluator evaluator) {
        // a formula's value as last computed (=DATE(2024,6,30)), as the sheet shows it
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        short format = cell.getCellStyle().getDataFormat();
        if (type == CellType.NUMERIC && (DateUtil.isCellDateFormatted(cell) || CJK_DAY_FORMATS.contains(format)
                || CJK_MONTH_FORMATS.contains(format))) {
            LocalDate date = cell.getLocalDateTimeCellValue().toLocalDate();
            // a month typed as 2024年6月 is stored as its first day: written as the month, due at its end
            boolean day = CJK_DAY_FORMATS.contains(format)
                    || !CJK_MONTH_FORMATS.contains(format) && namesDay(cell.getCellStyle().getDataFormatString());
            return day ? date.format(CHINESE_DATE) : date.format(CHINESE_MONTH);
        }
        String formatted = formatter.formatCellValue(cell, evaluator);
        if (type == CellType.NUMERIC && WHOLE_WITH_ZEROS.matcher(formatted).matches()) {
            return formatted.substring(0, formatted.indexOf('.')); // 序号 6 shown as 6.0
        }
        // 1,250亿元 as #,##0"亿元" shows it: the number without its thousands separators, which part clauses in text
        return type == CellType.NUMERIC ? THOUSANDS.matcher(formatted).replaceAll("") : formatted;
    }

    /** A cell's value without its struck-through text (a whole cell struck through, or struck runs of its rich text). */
    private static String unstruck(Cell cell, String value) {
        boolean cellStruck = cell.getCellStyle() instanceof XSSFCellStyle style && style.getFont().getStrikeout();
        if (cell.getCellType() != CellType.STRING) {
            return cellStruck ? "" : value;
        }
        XSSFRichTextString rich = (XSSFRichTextString) cell.getRichStringCellValue();
        String text = rich.getString();
        if (!cellStruck && rich.numFormattingRuns() == 0) {
            return value; // most cells: one font, not struck
        }
        boolean[] out = new boolean[text.length()];
        Arrays.fill(out, cellStruck);
        for (int run = 0; run < rich.numFormattingRuns(); run++) {
            XSSFFont font = rich.getFontOfFormattingRun(run);
            int start = rich.getIndexOfFormattingRun(run);
            int end = Math.min(text.length(), start + rich.getLengthOfFormattingRun(run));
            for (int i = Math.max(0, start); i < end; i++) {
                out[i] = font == null ? cellStruck : font.getStrikeout();
            }
        }
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (!out[i]) {
                kept.append(text.charAt(i));
            }
        }
        return kept.toString();
    }

    /** Whether a date format shows the day (yyyy/m/d), not only the month (yyyy"年"m"月"). */
    private static boolean namesDay(String format) {
        String unquoted = format == null ? "" : format.replaceAll("\"[^\"]*\"", "");
        return unquoted.indexOf('d') >= 0 || unquoted.indexOf('D') >= 0 || unquoted.isBlank() || unquoted.equals("General");
    }

    private static String wordDocument(byte[] content, List<String> warnings) throws IOException {
        StringBuilder text = new StringBuilder();
        Struck struck = new Struck();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(content))) {
            ListNumbers numbers = new ListNumbers(document);
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    // a text box anchored in the paragraph (a title set in a frame, a PDF converted to Word): its
                    // paragraphs first
                    textBoxes(paragraph).forEach(line -> line(text, List.of(cellText(line))));
                    String number = numbers.of(paragraph);
                    String unstruck = text(paragraph, true);
                    // a paragraph struck as a whole goes with its number
                    line(text, struck.row(List.of(cellText(number + text(paragraph, false))),
                            List.of(cellText(unstruck.isBlank() ? "" : number + unstruck))));
                } else if (element instanceof XWPFSDT control) {
                    // a content control around paragraphs or a whole table (an office's template): its text, a table's
                    // rows with their cells apart by tabs
                    for (String row : control.getContent().getText().split("\r?\n")) {
                        line(text, List.of(row.split("\t", -1)).stream().map(OfficeText::cellText).toList());
                    }
                } else if (element instanceof XWPFTable table) {
                    // the text of each grid column's cell that a cell merged down below it continues (vMerge)
                    Map<Integer, List<String>> mergedAbove = new HashMap<>();
                    for (XWPFTableRow row : table.getRows()) {
                        List<String> cells = new ArrayList<>();
                        List<String> kept = new ArrayList<>();
                        // a row starting some grid columns in (w:gridBefore: a converter's or WPS's row without its
                        // leading cells) begins with blanks, so that its cells stay in their columns
                        for (int skipped = 0; skipped < gridBefore(row); skipped++) {
                            cells.add("");
                            kept.add("");
                        }
                        for (ICell any : row.getTableICells()) {
                            int column = cells.size();
                            if (any instanceof XWPFSDTCell control) {
                                // a cell inside a content control (a date picker): its text, in its place
                                cells.add(cellText(control.getContent().getText()));
                                kept.add(cells.get(column));
                                continue;
                            }
                            if (!(any instanceof XWPFTableCell cell)) {
                                continue;
                            }
                            List<String> numbered = cell.getParagraphs().stream().map(numbers::of).toList();
                            List<String> texts = List.of(cellText(paragraphs(cell, numbered, false)),
                                    cellText(paragraphs(cell, numbered, true)));
                            switch (verticalMerge(cell)) {
                                case RESTART -> mergedAbove.put(column, texts);
                                case CONTINUE -> texts = mergedAbove.getOrDefault(column, texts);
                                case NONE -> mergedAbove.remove(column);
                            }
                            cells.add(texts.get(0));
                            kept.add(texts.get(1));
                            // a cell spanning columns is followed by blanks, so that every row's cells stay in their columns
                            for (int spanned = 1; spanned < gridSpan(cell); spanned++) {
                                cells.add("");
                                kept.add("");
                            }
                        }
                        line(text, struck.row(cells, kept));
                    }
                }
            }
        }
        struck.report(warnings);
        return text.toString();
    }

    /** A Word cell's paragraphs, each after the number its list draws, and the tables nested in it. */
    private static String paragraphs(XWPFTableCell cell, List<String> numbers, boolean dropStruck) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < cell.getParagraphs().size(); i++) {
            texts.add(numbers.get(i) + text(cell.getParagraphs().get(i), dropStruck));
        }
        return String.join("\n", texts) + nestedTables(cell, dropStruck);
    }

    /**
     * A Word paragraph's text as the page shows it: without text deleted in tracked changes (as POI leaves it out),
     * footnotes and their reference marks (POI appends them to the paragraph), and, when {@code dropStruck}, its
     * struck-through text (see {@link Struck}).
     */
    private static String text(XWPFParagraph paragraph, boolean dropStruck) {
        StringBuilder out = new StringBuilder();
        for (IRunElement element : paragraph.getIRuns()) {
            if (element instanceof XWPFRun run) {
                if (run.getCTR().getDelTextArray().length > 0) {
                    continue;
                }
                String runText = NOTE_REFERENCE.matcher(run.toString()).replaceAll("");
                if (dropStruck && (run.isStrikeThrough() || run.isDoubleStrikeThrough())) {
                    continue;
                }
                out.append(runText);
            } else if (element instanceof XWPFSDT control) {
                out.append(control.getContent().getText());
            } else {
                out.append(element);
            }
        }
        return out.toString();
    }

    /**
     * The paragraphs of the text boxes anchored in a paragraph, each box once: Word writes a box twice, as a drawing and
     * as its VML fallback for older readers, which is left out.
     */
    private static List<String> textBoxes(XWPFParagraph paragraph) {
        XmlObject[] boxes = paragraph.getCTP().selectPath(WORD + ".//w:txbxContent");
        List<String> lines = new ArrayList<>();
        for (XmlObject box : boxes) {
            if (insideFallback(box)) {
                continue;
            }
            for (XmlObject boxParagraph : box.selectPath(WORD + "./w:p")) {
                StringBuilder line = new StringBuilder();
                for (XmlObject run : boxParagraph.selectPath(WORD + ".//w:t")) {
                    try (XmlCursor cursor = run.newCursor()) {
                        line.append(cursor.getTextValue());
                    }
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }

    private static boolean insideFallback(XmlObject box) {
        try (XmlCursor cursor = box.newCursor()) {
            while (cursor.toParent()) {
                if (cursor.getName() != null && "Fallback".equals(cursor.getName().getLocalPart())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final String WORD = "declare namespace w='http://schemas.openxmlformats.org/wordprocessingml/2006/main' ";

    /** The mark POI writes where a run refers to a footnote or endnote. */
    private static final Pattern NOTE_REFERENCE = Pattern.compile("\\[(?:footnoteRef|endnoteRef):\\d+\\]");

    /**
     * Struck-through text, which a 修改稿 or 征求意见稿 strikes to take out: a row (or paragraph) struck through as a whole,
     * or but for one cell (a remark 此项取消), is left out, and struck words inside a cell (a unit struck from a list, an old deadline beside its new one); a cell
     * struck as a whole in a row that is not (a ledger's way of marking one done) is kept. What is left out is reported
     * once.
     */
    private static final class Struck {
        private static final int SHOWN = 3;
        private final List<String> texts = new ArrayList<>();

        /** The row's cells to read, from their full text and their text without what is struck through. */
        List<String> row(List<String> full, List<String> kept) {
            long filled = full.stream().filter(c -> !c.isBlank()).count();
            long struckCells = 0;
            for (int i = 0; i < full.size(); i++) {
                struckCells += !full.get(i).isBlank() && kept.get(i).isBlank() ? 1 : 0;
            }
            // struck through as a whole, perhaps but for a remark saying so (此项取消)
            if (filled > 0 && (struckCells == filled || struckCells >= 2 && struckCells >= filled - 1)) {
                texts.add(String.join(" | ", full.stream().filter(c -> !c.isBlank()).toList()));
                return List.of();
            }
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < full.size(); i++) {
                boolean wholeCell = kept.get(i).isBlank() && !full.get(i).isBlank();
                if (!wholeCell && !kept.get(i).equals(full.get(i))) {
                    texts.add(full.get(i));
                }
                cells.add(wholeCell ? full.get(i) : kept.get(i));
            }
            return cells;
        }

        void report(List<String> warnings) {
            if (!texts.isEmpty()) {
                warnings.add(texts.size() + " row(s) or cell(s) with struck-through text read without it, as deleted: "
                        + String.join(" | ", texts.subList(0, Math.min(SHOWN, texts.size())))
                        + (texts.size() > SHOWN ? " …" : ""));
            }
        }
    }

    /**
     * The tables inside a cell (牵头 | 市文旅局 / 配合 | 市财政局 in the units cell), each row on a line of its own: a label
     * and its value as {@code 牵头：市文旅局}, other cells apart by spaces.
     */
    private static String nestedTables(XWPFTableCell cell, boolean dropStruck) {
        StringBuilder nested = new StringBuilder();
        for (XWPFTable table : cell.getTables()) {
            for (XWPFTableRow row : table.getRows()) {
                List<String> texts = row.getTableCells().stream()
                        .map(c -> cellText(String.join("\n", c.getParagraphs().stream().map(p -> text(p, dropStruck)).toList())))
                        .filter(t -> !t.isBlank()).toList();
                if (texts.isEmpty()) {
                    continue;
                }
                boolean labelled = texts.size() == 2 && texts.get(0).length() <= NESTED_LABEL;
                nested.append('\n').append(labelled ? texts.get(0) + "：" + texts.get(1) + "；" : String.join(" ", texts));
            }
        }
        return nested.toString();
    }

    /** The longest label of a nested table's row (牵头, 配合单位). */
    private static final int NESTED_LABEL = 6;

    private enum Merge { NONE, RESTART, CONTINUE }

    private static Merge verticalMerge(XWPFTableCell cell) {
        CTTcPr properties = cell.getCTTc().getTcPr();
        if (properties == null || !properties.isSetVMerge()) {
            return Merge.NONE;
        }
        var value = properties.getVMerge().getVal();
        return value != null && "restart".equals(value.toString()) ? Merge.RESTART : Merge.CONTINUE;
    }

    /**
     * The numbers Word draws before list paragraphs (a 序号 column numbered automatically): not in the paragraphs'
     * text, so counted here per list and level, as Word counts them.
     */
    private static final class ListNumbers {
        /** Formats that draw no number: a bullet's glyph is no part of the text. */
        private static final Set<String> NOT_NUMBERS = Set.of("bullet", "none");
        private static final int LEVELS = 9;
        /** More styles than a chain of them based on each other has: a loop in a damaged file ends. */
        private static final int STYLE_DEPTH = 10;

        private final XWPFDocument document;
        private final Map<BigInteger, int[]> counters = new HashMap<>();

        ListNumbers(XWPFDocument document) {
            this.document = document;
        }

        /** The list and level a paragraph is numbered in: its own, or its style's (a heading style's 一、). */
        private record Numbered(BigInteger list, int level) {
        }

        String of(XWPFParagraph paragraph) {
            try {
                return drawn(paragraph);
            } catch (RuntimeException unreadable) {
                return ""; // a numbering part written incompletely (by another tool than Word): nothing drawn is added
            }
        }

        private String drawn(XWPFParagraph paragraph) {
            Numbered numbered = numbered(paragraph);
            XWPFNumbering numbering = document.getNumbering();
            XWPFNum num = numbered == null || numbering == null ? null : numbering.getNum(numbered.list());
            if (num == null || num.getCTNum().getAbstractNumId() == null) {
                return "";
            }
            XWPFAbstractNum list = numbering.getAbstractNum(num.getCTNum().getAbstractNumId().getVal());
            CTLvl[] levels = new CTLvl[LEVELS];
            if (list != null) {
                for (CTLvl lvl : list.getCTAbstractNum().getLvlList()) {
                    int l = lvl.getIlvl() == null ? 0 : lvl.getIlvl().intValue();
                    if (l >= 0 && l < LEVELS) {
                        levels[l] = lvl;
                    }
                }
            }
            int level = numbered.level();
            CTLvl lvl = levels[level];
            String pattern = lvl == null || lvl.getLvlText() == null ? null : lvl.getLvlText().getVal();
            String format = lvl == null || lvl.getNumFmt() == null ? "decimal" : lvl.getNumFmt().getVal().toString();
            if (pattern == null || NOT_NUMBERS.contains(format)) {
                return ""; // a bullet, no number, or a numbering that cannot be read
            }
            // where each level starts: its w:start, or the list's startOverride (设置编号值 in Word)
            int[] starts = new int[LEVELS];
            for (int l = 0; l < LEVELS; l++) {
                starts[l] = levels[l] != null && levels[l].getStart() != null ? levels[l].getStart().getVal().intValue() : 1;
            }
            for (CTNumLvl override : num.getCTNum().getLvlOverrideList()) {
                int l = override.getIlvl() == null ? 0 : override.getIlvl().intValue();
                if (l >= 0 && l < LEVELS && override.getStartOverride() != null) {
                    starts[l] = override.getStartOverride().getVal().intValue();
                }
            }
            int[] count = counters.computeIfAbsent(numbered.list(), l -> {
                int[] before = new int[LEVELS];
                for (int i = 0; i < LEVELS; i++) {
                    before[i] = starts[i] - 1;
                }
                return before;
            });
            count[level]++;
            for (int deeper = level + 1; deeper < LEVELS; deeper++) {
                count[deeper] = starts[deeper] - 1;
            }
            StringBuilder number = new StringBuilder(pattern);
            for (int l = 0; l <= level; l++) {
                String placeholder = "%" + (l + 1);
                int at = number.indexOf(placeholder);
                if (at >= 0) {
                    number.replace(at, at + placeholder.length(), render(Math.max(1, count[l]), l == level ? format : "decimal"));
                }
            }
            return number.toString().strip();
        }

        /** The paragraph's list and level, else those of its style or a style it is based on; null when none. */
        private Numbered numbered(XWPFParagraph paragraph) {
            if (paragraph.getNumID() != null) {
                int level = paragraph.getNumIlvl() == null ? 0 : paragraph.getNumIlvl().intValue();
                return new Numbered(paragraph.getNumID(), Math.max(0, Math.min(LEVELS - 1, level)));
            }
            XWPFStyles styles = document.getStyles();
            String styleId = paragraph.getStyleID();
            for (int depth = 0; styles != null && styleId != null && depth < STYLE_DEPTH; depth++) {
                XWPFStyle style = styles.getStyle(styleId);
                if (style == null) {
                    return null;
                }
                var properties = style.getCTStyle().getPPr();
                if (properties != null && properties.isSetNumPr() && properties.getNumPr().getNumId() != null) {
                    var numPr = properties.getNumPr();
                    int level = numPr.getIlvl() != null ? numPr.getIlvl().getVal().intValue()
                            : levelOfStyle(numPr.getNumId().getVal(), paragraph.getStyleID());
                    return new Numbered(numPr.getNumId().getVal(), Math.max(0, Math.min(LEVELS - 1, level)));
                }
                styleId = style.getBasisStyleID();
            }
            return null;
        }

        /** The level of a list that names the style (w:pStyle), as heading numbering does; else the first. */
        private int levelOfStyle(BigInteger list, String styleId) {
            XWPFNumbering numbering = document.getNumbering();
            XWPFNum num = numbering == null ? null : numbering.getNum(list);
            XWPFAbstractNum abstractNum = num == null || num.getCTNum().getAbstractNumId() == null ? null
                    : numbering.getAbstractNum(num.getCTNum().getAbstractNumId().getVal());
            if (abstractNum != null) {
                for (CTLvl lvl : abstractNum.getCTAbstractNum().getLvlList()) {
                    if (lvl.getPStyle() != null && styleId.equals(lvl.getPStyle().getVal()) && lvl.getIlvl() != null) {
                        return lvl.getIlvl().intValue();
                    }
                }
            }
            return 0;
        }

        private static String render(int n, String format) {
            return switch (format) {
                case "chineseLegalSimplified" -> ChineseNumerals.of(n, "零壹贰叁肆伍陆柒捌玖", "拾");
                case "upperLetter" -> n <= 26 ? String.valueOf((char) ('A' + n - 1)) : Integer.toString(n);
                case "lowerLetter" -> n <= 26 ? String.valueOf((char) ('a' + n - 1)) : Integer.toString(n);
                case "upperRoman" -> roman(n);
                case "lowerRoman" -> roman(n).toLowerCase(Locale.ROOT);
                case "decimalEnclosedCircle", "decimalEnclosedCircleChinese" ->
                        n <= 20 ? String.valueOf((char) ('\u2460' + n - 1)) : Integer.toString(n);
                default -> format.startsWith("chinese") || format.startsWith("ideograph") || format.startsWith("taiwanese")
                        ? ChineseNumerals.of(n) : Integer.toString(n);
            };
        }

        private static String roman(int n) {
            if (n <= 0 || n >= 40) {
                return Integer.toString(n);
            }
            return "X".repeat(n / 10) + List.of("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX").get(n % 10);
        }
    }

    private static int gridBefore(XWPFTableRow row) {
        var properties = row.getCtRow().getTrPr();
        if (properties == null || properties.sizeOfGridBeforeArray() == 0
                || properties.getGridBeforeArray(0).getVal() == null) {
            return 0;
        }
        return Math.max(0, Math.min(MAX_SPAN, properties.getGridBeforeArray(0).getVal().intValue()));
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

    /**
     * A cell's lines joined: {@code 、} between two units' names, nothing after punctuation, {@code ，} otherwise; tabs
     * become spaces.
     */
    static String cellText(String raw) {
        StringBuilder out = new StringBuilder();
        for (String line : raw.replace('\t', ' ').split("\r?\n|\r|\u000B")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            if (!out.isEmpty() && TextCleaner.isUnitGap(out.toString(), l)) {
                out.append('、'); // one unit per line, as 、 would part them
            } else if (!out.isEmpty() && continuesWithNumber(out, l)) {
                // a line broken before a number goes on the phrase: 2024年⏎12月底前, 完成达标学校⏎8所
            } else if (!out.isEmpty() && CLAUSE_END.indexOf(out.charAt(out.length() - 1)) < 0) {
                out.append('，');
            }
            out.append(l);
        }
        return out.toString();
    }

    /**
     * Whether a line goes on the text before it: a date broken after its year or month (2024年⏎12月底前), or a count
     * alone on its line after the words it counts (完成达标学校⏎8所). A line opening with a year of its own is a next
     * step (2025年6月底前启动⏎2025年12月底前完成), one opening with a number and more words an item.
     */
    private static boolean continuesWithNumber(StringBuilder before, String line) {
        char last = before.charAt(before.length() - 1);
        return (last == '年' || last == '月') && MONTH_OR_DAY_GOING_ON.matcher(line).lookingAt()
                || Character.UnicodeScript.of(last) == Character.UnicodeScript.HAN && COUNT_ALONE.matcher(line).matches();
    }

    /** After a year or a month, the month or day of its date: 12月底前, 30日前. */
    private static final Pattern MONTH_OR_DAY_GOING_ON = Pattern.compile("\\d{1,2}[月日号]");
    /** A count and its unit alone on a line: 8所, 3万人次, 50%. */
    private static final Pattern COUNT_ALONE = Pattern.compile("\\d+(?:\\.\\d+)?(?:%|\\p{IsHan}{1,4})(?:以上|以下|左右)?[。；;]?");

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
