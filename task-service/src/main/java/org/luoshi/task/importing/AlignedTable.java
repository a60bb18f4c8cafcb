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
 *
 * <p>Cells centred vertically print a row's number on its middle line, so the row's first lines come before it. Such a
 * table is told by lines of cells between the header (or a chapter line) and the first number that go on into the
 * number's line; then the lines between two numbers are shared: the row above has as many lines below its number as
 * above it, or one more, and the one line in doubt goes with it when the cells over it fill their columns.
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

    /** A line of the table's body: a row's number line, a chapter line, or a line of cells without a number. */
    private record BodyLine(CleanDocument.Line line, List<Piece> pieces, boolean numbered, boolean chapter,
            boolean afterPageBreak) {
    }

    private static List<TabTableReader.Row> rows(CleanDocument document, Header header, List<String> warnings) {
        List<CleanDocument.Line> lines = document.lines();
        CleanDocument.Line first = lines.get(header.first());
        List<TabTableReader.Row> rows = new ArrayList<>();
        rows.add(new TabTableReader.Row(header.names(), first.start(), lines.get(header.next() - 1).end(), first.number(),
                false));
        List<BodyLine> body = body(document, header);
        List<Integer> ends = header.ends();
        int[] widths = new int[ends.size()];
        body.stream().filter(b -> !b.chapter()).forEach(b -> b.pieces().forEach(p -> {
            int column = columnOf(p.start(), ends);
            widths[column] = Math.max(widths[column], p.end() - p.start());
        }));
        boolean centred = centred(body, ends, widths);
        // which row each line of cells belongs to: the index of its number line in body, -1 for none
        int[] owner = new int[body.size()];
        int previous = -1; // the number line of the row above, -1 after the header or a chapter
        int above = 0; // the lines of that row above its number
        int from = 0;
        for (int i = 0; i <= body.size(); i++) {
            BodyLine anchor = i < body.size() ? body.get(i) : null;
            if (anchor != null && !anchor.numbered() && !anchor.chapter()) {
                continue;
            }
            int gap = i - from; // the lines of cells between the row above (or the header, a chapter) and this line
            int split = previous < 0 ? 0 // text before the first row: the first row's top lines when centred, else none
                    : anchor == null || anchor.chapter() || !centred ? gap
                    : split(body, previous, from, gap, above, ends, widths);
            for (int k = 0; k < gap; k++) {
                owner[from + k] = k < split ? previous : anchor != null && anchor.numbered() && centred ? i : -1;
            }
            if (anchor != null) {
                owner[i] = anchor.numbered() ? i : -1;
                previous = anchor.numbered() ? i : -1;
                above = anchor.numbered() ? gap - split : 0;
            }
            from = i + 1;
        }
        List<String> continued = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            BodyLine b = body.get(i);
            if (b.chapter()) {
                String lead = cleaned(b.pieces().get(0).text());
                rows.add(new TabTableReader.Row(List.of(lead), b.line().start(), b.line().end(), b.line().number(), true));
                continue;
            }
            if (owner[i] < 0 || i > 0 && owner[i - 1] == owner[i]) {
                continue; // no row's, or read with the row's first line
            }
            int row = owner[i];
            List<StringBuilder> cells = new ArrayList<>();
            ends.forEach(e -> cells.add(new StringBuilder()));
            int last = i;
            boolean broken = false;
            for (int j = i; j < body.size() && owner[j] == row; j++) {
                for (Piece piece : body.get(j).pieces()) {
                    StringBuilder cell = cells.get(columnOf(piece.start(), ends));
                    String text = cleaned(piece.text());
                    cell.replace(0, cell.length(), cell.isEmpty() ? text : TabTableReader.Row.wrapped(cell.toString(), text));
                }
                broken |= j > row && body.get(j).afterPageBreak();
                last = j;
            }
            if (broken) {
                continued.add(cleaned(body.get(row).pieces().get(0).text()));
            }
            rows.add(new TabTableReader.Row(cells.stream().map(StringBuilder::toString).toList(), b.line().start(),
                    body.get(last).line().end(), body.get(row).line().number(), false));
        }
        warnings.add("the task table is laid out with spaces (text extracted from a PDF): each piece of text was read as the"
                + " cell of the column it stands under; check the cells");
        if (centred) {
            warnings.add("the task table's cells are centred vertically (a row's number on its middle line): the lines"
                    + " between two numbers were shared between the rows by where the cells above them end");
        }
        if (!continued.isEmpty()) {
            warnings.add("table rows " + String.join(", ", continued) + " go on below the header repeated after a page"
                    + " break: joined");
        }
        return rows;
    }

    /**
     * The table's lines below its header, up to its end: blank lines, page numbers, the header and the title repeated
     * over a page are left out (the line after them is marked).
     */
    private static List<BodyLine> body(CleanDocument document, Header header) {
        List<CleanDocument.Line> lines = document.lines();
        Set<String> captions = new HashSet<>();
        for (int i = Math.max(0, header.first() - CAPTION_LINES); i < header.first(); i++) {
            if (!lines.get(i).isBlank()) {
                captions.add(name(lines.get(i).view()));
            }
        }
        List<Integer> ends = header.ends();
        List<BodyLine> body = new ArrayList<>();
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
                pageBroke = true;
                i = again.get().next();
                continue;
            }
            String lead = cleaned(pieces.get(0).text());
            boolean numbered = columnOf(pieces.get(0).start(), ends) == 0 && (TableColumns.ROW_NUMBER.matcher(lead).matches()
                    || TableColumns.SUB_ROW_NUMBER.matcher(TableColumns.Seq.of(lead).number()).matches()
                    || TabTableReader.CHINESE_ROW_NUMBER.matcher(lead).matches());
            boolean chapter = !numbered && pieces.size() == 1 && TabTableReader.CHAPTER.matcher(lead).matches();
            body.add(new BodyLine(line, pieces, numbered, chapter, pageBroke));
            pageBroke = false;
            i++;
        }
        return body;
    }

    /**
     * Whether the table's cells are centred vertically: lines of cells come between the header (or a chapter) and the
     * first row's number, and a cell of theirs goes on in the number's line (it fills its column there: no text line of
     * a note or a unit of measure does).
     */
    private static boolean centred(List<BodyLine> body, List<Integer> ends, int[] widths) {
        for (int i = 1; i < body.size(); i++) {
            int anchor = i - 1;
            while (anchor >= 0 && !body.get(anchor).numbered() && !body.get(anchor).chapter()) {
                anchor--;
            }
            if (!body.get(i).numbered() || anchor == i - 1 || anchor >= 0 && body.get(anchor).numbered()) {
                continue; // no lines of cells right above this number, or a row above them
            }
            for (Piece piece : body.get(i - 1).pieces()) {
                int column = columnOf(piece.start(), ends);
                if (column > 0 && full(piece, widths[column])
                        && body.get(i).pieces().stream().anyMatch(p -> columnOf(p.start(), ends) == column)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * In a table centred vertically, how many of the {@code gap} lines between two rows' numbers (from {@code from})
     * end the row above, which has {@code above} lines over its number: as many below it as above, or one more (an even
     * number of lines puts the number on the upper middle one), so only the line after as many as above is in doubt.
     * It goes with the row above when the cells over it fill their columns (they wrap into it), else with the next row.
     */
    private static int split(List<BodyLine> body, int number, int from, int gap, int above, List<Integer> ends,
            int[] widths) {
        if (gap <= above) {
            return gap;
        }
        int wrapping = 0;
        int ended = 0;
        for (Piece piece : body.get(from + above).pieces()) {
            int column = columnOf(piece.start(), ends);
            // the row's last piece in this column so far: its lines run from its number's to the one in doubt
            Piece over = null;
            for (int j = from + above - 1; j >= number && over == null; j--) {
                over = body.get(j).pieces().stream().filter(p -> columnOf(p.start(), ends) == column).findFirst().orElse(null);
            }
            if (over != null && full(over, widths[column])) {
                wrapping++;
            } else if (over != null) {
                ended++;
            }
        }
        return wrapping >= ended ? above + 1 : above;
    }

    /** Whether a piece fills its column, to a character (a line breaks before a full-width one that would not fit). */
    private static boolean full(Piece piece, int width) {
        return piece.end() - piece.start() >= width - 2;
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
