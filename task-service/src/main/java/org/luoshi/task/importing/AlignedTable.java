package org.luoshi.task.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task table laid out with spaces, as a PDF's text is when extracted keeping its layout: each row on a line, its
 * cells apart by two spaces or more (or an ideographic space), a long cell going on in the lines below it, under its
 * own column. The cleaning removes those spaces as OCR spacing, so the columns are read from the text as found: the
 * header line (序号 … 责任单位 …) says where each column starts, a line whose first cell is the next number starts a row,
 * and any other line's pieces go to the cells of the columns they stand under. The rows are those
 * {@link TabTableReader} reads, each cell cleaned as the document is.
 */
final class AlignedTable {

    /** Cells apart: two spaces or more, or an ideographic space (which prints as two). */
    private static final Pattern GAP = Pattern.compile("(?: {2,}|\\u3000+)");
    private static final Pattern END = Pattern.compile(
            "^(?:抄送|主送|抄报)[:：]|印发$|^附件\\s*\\d*\\s*[:：]?$|^(?:注|说明|备注|附注)\\s*\\d*\\s*[:：]");
    /** How far left of its column's header a cell may start (a header name centred over its column). */
    private static final int SLACK = 4;

    private AlignedTable() {
    }

    /** A piece of a line between gaps, and the printed column it starts at. */
    private record Piece(String text, int column) {
    }

    /** The rows of the document's space-aligned table, its header first; none when it has no such table. */
    static List<TabTableReader.Row> rows(CleanDocument document, List<String> warnings) {
        List<CleanDocument.Line> lines = document.lines();
        for (int i = 0; i < lines.size(); i++) {
            CleanDocument.Line line = lines.get(i);
            if (line.view().indexOf("序号") < 0 && line.view().indexOf("编号") < 0) {
                continue; // most lines, told cheaply
            }
            List<Piece> header = pieces(document.source(line.start(), line.end()));
            if (header.size() < 3) {
                continue;
            }
            List<String> names = header.stream().map(p -> HanView.of(cleaned(p.text())).replaceAll("\\s+", "")).toList();
            if (!TableColumns.namesSeq(names.get(0)) || TableColumns.of(names).isEmpty()) {
                continue;
            }
            return rows(document, i, header, names, warnings);
        }
        return List.of();
    }

    private static List<TabTableReader.Row> rows(CleanDocument document, int at, List<Piece> header, List<String> names,
            List<String> warnings) {
        List<CleanDocument.Line> lines = document.lines();
        List<TabTableReader.Row> rows = new ArrayList<>();
        CleanDocument.Line headerLine = lines.get(at);
        rows.add(new TabTableReader.Row(names, headerLine.start(), headerLine.end(), headerLine.number(), false));
        List<Integer> starts = header.stream().map(Piece::column).toList();
        List<StringBuilder> open = null;
        int openStart = -1;
        int openEnd = -1;
        int openLine = -1;
        for (int i = at + 1; i < lines.size(); i++) {
            CleanDocument.Line line = lines.get(i);
            String view = line.view().strip();
            if (view.isEmpty()) {
                continue;
            }
            if (END.matcher(view).find()) {
                break;
            }
            List<Piece> pieces = pieces(document.source(line.start(), line.end()));
            if (pieces.isEmpty() || TabTableReader.PAGE_FURNITURE.matcher(view).matches()) {
                continue;
            }
            String first = cleaned(pieces.get(0).text());
            boolean numbered = columnOf(pieces.get(0).column(), starts) == 0 && (TableColumns.ROW_NUMBER.matcher(first).matches()
                    || TableColumns.SUB_ROW_NUMBER.matcher(TableColumns.Seq.of(first).number()).matches()
                    || TabTableReader.CHINESE_ROW_NUMBER.matcher(first).matches());
            if (numbered || pieces.size() == 1 && TabTableReader.CHAPTER.matcher(first).matches()
                    || TableColumns.namesSeq(HanView.of(first))) {
                if (open != null) {
                    rows.add(row(open, openStart, openEnd, openLine));
                    open = null;
                }
                if (!numbered) {
                    // a chapter across the table, or the header again after a page break
                    List<String> cells = pieces.stream().map(p -> cleaned(p.text())).toList();
                    rows.add(new TabTableReader.Row(cells, line.start(), line.end(), line.number(), cells.size() == 1));
                    continue;
                }
                open = new ArrayList<>();
                for (int c = 0; c < starts.size(); c++) {
                    open.add(new StringBuilder());
                }
                openStart = line.start();
                openLine = line.number();
            } else if (open == null) {
                continue; // text between the header and the first row
            }
            for (Piece piece : pieces) {
                StringBuilder cell = open.get(columnOf(piece.column(), starts));
                String text = cleaned(piece.text());
                cell.replace(0, cell.length(), cell.isEmpty() ? text : TabTableReader.Row.wrapped(cell.toString(), text));
            }
            openEnd = line.end();
        }
        if (open != null) {
            rows.add(row(open, openStart, openEnd, openLine));
        }
        warnings.add("the task table is laid out with spaces (text extracted from a PDF): each piece of text was read as the"
                + " cell of the column it stands under; check the cells");
        return rows;
    }

    private static TabTableReader.Row row(List<StringBuilder> cells, int start, int end, int line) {
        return new TabTableReader.Row(cells.stream().map(StringBuilder::toString).toList(), start, end, line, false);
    }

    /** The column a piece starting at this printed column stands under: the last whose start it reaches. */
    private static int columnOf(int column, List<Integer> starts) {
        int found = 0;
        for (int c = 1; c < starts.size(); c++) {
            if (column + SLACK >= starts.get(c)) {
                found = c;
            }
        }
        return found;
    }

    /** The line's pieces between gaps, each with the printed column it starts at (a Chinese character prints as two). */
    private static List<Piece> pieces(String line) {
        List<Piece> pieces = new ArrayList<>();
        Matcher gap = GAP.matcher(line);
        int from = 0;
        while (true) {
            boolean found = gap.find();
            int to = found ? gap.start() : line.length();
            String text = line.substring(from, to);
            if (!text.isBlank()) {
                int lead = text.length() - text.stripLeading().length();
                pieces.add(new Piece(text.strip(), width(line.substring(0, from + lead))));
            }
            if (!found) {
                return pieces;
            }
            from = gap.end();
        }
    }

    private static int width(String text) {
        return text.codePoints().map(c -> c < 0x2E80 ? 1 : 2).sum();
    }

    /** A piece's text cleaned as the document is (pinyin, HTML, mojibake, script). */
    private static String cleaned(String piece) {
        return TextCleaner.clean(piece).text().text().strip();
    }
}
