package org.luoshi.task.importing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task table laid out with spaces, as a PDF's text is when extracted keeping its layout: each row on a line, its
 * cells apart by two spaces or more (or an ideographic space), a long cell going on in the lines below it, under its
 * own column. The cleaning removes those spaces as OCR spacing, so the columns are read from the text as found. The
 * header (序号 … 责任单位 …, also on two lines: 牵头 over 单位, or 责任单位 over 牵头单位 and 配合单位) says where each
 * column's name ends; a piece of text belongs to the last column whose predecessor's name ends before it starts, so a
 * name centred over its column still takes the cells starting left of it. A line whose first piece is the next number
 * starts a row; any other line's pieces go to the cells of the columns they stand under, also below the header
 * repeated after a page break and the running title printed with it. The rows are those {@link TabTableReader} reads,
 * each cell cleaned as the document is.
 */
final class AlignedTable {

    /** Cells apart: two spaces or more, or an ideographic space (which prints as two). */
    private static final Pattern GAP = Pattern.compile("(?: {2,}|\\u3000+)");
    /** The lines above the header looked at for the table's title, which a PDF prints again over each page. */
    private static final int CAPTION_LINES = 3;

    private AlignedTable() {
    }

    /** A piece of a line between gaps, and the printed columns it starts at and ends before. */
    private record Piece(String text, int start, int end) {
    }

    /** The header: the columns' names and where each ends, the lines it takes. */
    private record Header(List<String> names, List<Integer> ends, int first, int next) {
    }

    /** The rows of the document's space-aligned table, its header first; none when it has no such table. */
    static List<TabTableReader.Row> rows(CleanDocument document, List<String> warnings) {
        List<CleanDocument.Line> lines = document.lines();
        for (int i = 0; i < lines.size(); i++) {
            Optional<Header> header = header(document, i);
            if (header.isPresent()) {
                return rows(document, header.get(), warnings);
            }
        }
        return List.of();
    }

    /** The header starting on line {@code at}, with the line below it when the names go on there. */
    private static Optional<Header> header(CleanDocument document, int at) {
        List<CleanDocument.Line> lines = document.lines();
        CleanDocument.Line line = lines.get(at);
        if (line.view().indexOf("序号") < 0 && line.view().indexOf("编号") < 0) {
            return Optional.empty(); // most lines, told cheaply
        }
        List<Piece> upper = joinedNames(pieces(source(document, line)));
        if (upper.size() < 3) {
            return Optional.empty();
        }
        List<Piece> lower = at + 1 < lines.size() ? pieces(source(document, lines.get(at + 1))) : List.of();
        List<Piece> twoLines = lower.isEmpty() || lower.get(0).start() < upper.get(0).end() ? null : onTwoLines(upper, lower);
        for (List<Piece> header : twoLines == null ? List.of(upper) : List.of(twoLines, upper)) {
            List<String> names = header.stream().map(p -> name(p.text())).toList();
            if (TableColumns.namesSeq(names.get(0)) && TableColumns.of(names).isPresent()) {
                return Optional.of(new Header(names, header.stream().map(Piece::end).toList(), at,
                        header == twoLines ? at + 2 : at + 1));
            }
        }
        return Optional.empty();
    }

    /** Names split by a gap inside them (序  号, 完成  时限) joined again. */
    private static List<Piece> joinedNames(List<Piece> pieces) {
        List<Piece> joined = new ArrayList<>();
        for (Piece piece : pieces) {
            Piece last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && !TableColumns.namesColumn(name(last.text()))
                    && TableColumns.namesColumn(name(last.text() + piece.text()))) {
                joined.set(joined.size() - 1, new Piece(last.text() + piece.text(), last.start(), piece.end()));
            } else {
                joined.add(piece);
            }
        }
        return joined;
    }

    /**
     * The header with the names of its second line: a piece under one name goes on with it (牵头 / 单位), several under
     * one name are the columns it spans (责任单位 over 牵头单位 | 配合单位); null when the line below is no header's.
     */
    private static List<Piece> onTwoLines(List<Piece> upper, List<Piece> lower) {
        List<List<Piece>> under = new ArrayList<>();
        upper.forEach(p -> under.add(new ArrayList<>()));
        for (Piece piece : lower) {
            int best = -1;
            int overlap = 0;
            for (int c = 0; c < upper.size(); c++) {
                int shared = Math.min(piece.end(), upper.get(c).end()) - Math.max(piece.start(), upper.get(c).start());
                int centreGap = Math.abs((piece.start() + piece.end()) - (upper.get(c).start() + upper.get(c).end()));
                int score = shared > 0 ? shared : -centreGap;
                if (best < 0 || score > overlap) {
                    best = c;
                    overlap = score;
                }
            }
            under.get(best).add(piece);
        }
        List<Piece> header = new ArrayList<>();
        boolean named = false;
        for (int c = 0; c < upper.size(); c++) {
            Piece name = upper.get(c);
            List<Piece> below = under.get(c);
            if (below.size() == 1 && TableColumns.namesColumn(name(name.text() + below.get(0).text()))) {
                header.add(new Piece(name.text() + below.get(0).text(), Math.min(name.start(), below.get(0).start()),
                        Math.max(name.end(), below.get(0).end())));
                named = true;
            } else if (below.size() > 1 && below.stream().allMatch(p -> TableColumns.namesColumn(name(p.text())))) {
                header.addAll(below);
                named = true;
            } else if (below.isEmpty() || below.size() == 1 && TableColumns.namesColumn(name(name.text()))) {
                header.add(name);
            } else {
                return null;
            }
        }
        return named ? header : null;
    }

    private static List<TabTableReader.Row> rows(CleanDocument document, Header header, List<String> warnings) {
        List<CleanDocument.Line> lines = document.lines();
        List<TabTableReader.Row> rows = new ArrayList<>();
        CleanDocument.Line first = lines.get(header.first());
        rows.add(new TabTableReader.Row(header.names(), first.start(), lines.get(header.next() - 1).end(), first.number(),
                false));
        Set<String> captions = new HashSet<>();
        for (int i = Math.max(0, header.first() - CAPTION_LINES); i < header.first(); i++) {
            if (!lines.get(i).isBlank()) {
                captions.add(name(lines.get(i).view()));
            }
        }
        List<Integer> ends = header.ends();
        List<StringBuilder> open = null;
        int openStart = -1;
        int openEnd = -1;
        int openLine = -1;
        List<String> continued = new ArrayList<>();
        boolean pageBroke = false;
        int i = header.next();
        while (i < lines.size()) {
            CleanDocument.Line line = lines.get(i);
            String view = line.view().strip();
            List<Piece> pieces = view.isEmpty() ? List.of() : pieces(source(document, line));
            if (pieces.isEmpty() || TabTableReader.PAGE_FURNITURE.matcher(view).matches() || captions.contains(name(view))) {
                i++;
                continue; // a blank line, a page number, the table's title printed again over a page
            }
            if (columnOf(pieces.get(0).start(), ends) == 0 && LineCellTable.END.matcher(view).find()) {
                break; // not a cell's line that ends so (…审定后印发)
            }
            Optional<Header> again = header(document, i);
            if (again.isPresent()) {
                if (!again.get().names().equals(header.names())) {
                    break; // a table of something else
                }
                pageBroke = open != null; // after a page break: the row above goes on below it
                i = again.get().next();
                continue;
            }
            String lead = cleaned(pieces.get(0).text());
            boolean numbered = columnOf(pieces.get(0).start(), ends) == 0 && (TableColumns.ROW_NUMBER.matcher(lead).matches()
                    || TableColumns.SUB_ROW_NUMBER.matcher(TableColumns.Seq.of(lead).number()).matches()
                    || TabTableReader.CHINESE_ROW_NUMBER.matcher(lead).matches());
            boolean chapter = !numbered && pieces.size() == 1 && TabTableReader.CHAPTER.matcher(lead).matches();
            if (numbered || chapter) {
                if (open != null) {
                    rows.add(row(open, openStart, openEnd, openLine));
                    open = null;
                }
                pageBroke = false;
                if (chapter) {
                    rows.add(new TabTableReader.Row(List.of(lead), line.start(), line.end(), line.number(), true));
                    i++;
                    continue;
                }
                open = new ArrayList<>();
                for (int c = 0; c < ends.size(); c++) {
                    open.add(new StringBuilder());
                }
                openStart = line.start();
                openLine = line.number();
            } else if (open == null) {
                i++;
                continue; // text between the header and the first row
            } else if (pageBroke) {
                continued.add(cleaned(open.get(0).toString()));
                pageBroke = false;
            }
            for (Piece piece : pieces) {
                StringBuilder cell = open.get(columnOf(piece.start(), ends));
                String text = cleaned(piece.text());
                cell.replace(0, cell.length(), cell.isEmpty() ? text : TabTableReader.Row.wrapped(cell.toString(), text));
            }
            openEnd = line.end();
            i++;
        }
        if (open != null) {
            rows.add(row(open, openStart, openEnd, openLine));
        }
        warnings.add("the task table is laid out with spaces (text extracted from a PDF): each piece of text was read as the"
                + " cell of the column it stands under; check the cells");
        if (!continued.isEmpty()) {
            warnings.add("table rows " + String.join(", ", continued) + " go on below the header repeated after a page"
                    + " break: joined");
        }
        return rows;
    }

    private static TabTableReader.Row row(List<StringBuilder> cells, int start, int end, int line) {
        return new TabTableReader.Row(cells.stream().map(StringBuilder::toString).toList(), start, end, line, false);
    }

    /**
     * The column a piece starting at this printed column stands under: the last one whose predecessor's name ends
     * before it (a cell starts left of its column's name when the name is centred, never left of the name before).
     */
    private static int columnOf(int start, List<Integer> ends) {
        int found = 0;
        for (int c = 1; c < ends.size(); c++) {
            if (start >= ends.get(c - 1)) {
                found = c;
            }
        }
        return found;
    }

    private static String source(CleanDocument document, CleanDocument.Line line) {
        return document.source(line.start(), line.end());
    }

    /** The line's pieces between gaps, each with the printed columns it spans (a Chinese character prints as two). */
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
                int start = LineCellTable.width(line.substring(0, from + lead));
                pieces.add(new Piece(text.strip(), start, start + LineCellTable.width(text.strip())));
            }
            if (!found) {
                return pieces;
            }
            from = gap.end();
        }
    }

    /** A header name as the columns are told apart: the simplified view, spaces removed. */
    private static String name(String text) {
        return HanView.of(cleaned(text)).replaceAll("\\s+", "");
    }

    /** A piece's text cleaned as the document is (pinyin, HTML, mojibake, script). */
    private static String cleaned(String piece) {
        return TextCleaner.clean(piece).text().text().strip();
    }
}
