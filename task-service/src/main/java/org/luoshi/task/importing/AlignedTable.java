package org.luoshi.task.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * <p>Cells centred vertically print a row's number on its middle line, so the row's first lines come before it:
 * {@link RowBands} says which lines are whose, and {@link LayoutCategories} which rows a category merged over several
 * names. A piece that runs on into the next column one space apart is cut where that column's cells start.
 */
final class AlignedTable {

    /** Cells apart: two spaces or more, or an ideographic space (which prints as two). */
    private static final Pattern GAP = Pattern.compile("(?: {2,}|\\u3000+)");
    /**
     * The longest part of a column's name on the header's second line (单位, 时限, 牵头单位): a row's first cell under
     * 责任单位, a table's cells being centred, is no part of the header.
     */
    private static final int HEADER_LINE_NAME = 4;
    /** The longest name a header on two lines stacks (具体工作措施): a longer one holds a row's cell. */
    private static final int STACKED_NAME = 6;
    /** The widest gap inside a name spaced out (序  号); columns' names stand further apart (重点      主要任务). */
    private static final int NAME_GAP = 4;
    /** A chapter's title that stops mid-sentence goes on in the next line. */
    private static final Pattern CHAPTER_GOES_ON = Pattern.compile("[，、；：,;:（(“《]$");
    /** What goes on with the name above it: a bracket (（牵头）, （市）人民政府) or its role. */
    private static final Pattern GOES_ON_NAME = Pattern.compile("[（(]|牵头|配合|参与|负责|协办|按职责");
    /** How much of a units cell's end is read for a name's end or a role mark. */
    private static final int UNIT_END_READ = 16;
    /** A unit's role in brackets after its name: 市教育局（牵头）. */
    private static final Pattern ROLE_MARK_END = Pattern.compile("[（(](?:牵头|配合|参与|协办|负责)[）)]$");
    /**
     * A year alone on a line: under the deadline column, the first line of a narrow cell (2025 / 年6月 / 底前), not a
     * page's number.
     */
    private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");
    /** The lines above the header looked at for the table's title, which a PDF prints again over each page. */
    private static final int CAPTION_LINES = 3;

    private AlignedTable() {
    }

    /** A piece of a line between gaps, and the printed columns it starts at and ends before. */
    record Piece(String text, int start, int end) {
    }

    /**
     * The header: the columns' names and where each ends, the lines it takes, and the column numbering the rows (the
     * first, or the second after a category column: 重点工作 | 编号 | 具体任务).
     */
    private record Header(List<String> names, List<Integer> ends, int first, int next, int seq) {
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
        boolean seqHere = line.view().indexOf("序号") >= 0 || line.view().indexOf("编号") >= 0;
        // 序 over 号: a narrow column's name wrapped, the other names on either line
        boolean seqWrapped = !seqHere && line.view().indexOf('序') >= 0 && at + 1 < lines.size()
                && lines.get(at + 1).view().indexOf('号') >= 0;
        if (!seqHere && !seqWrapped) {
            return Optional.empty(); // most lines, told cheaply
        }
        List<Piece> upper = joinedNames(pieces(source(document, line)));
        List<Piece> lower = at + 1 < lines.size() ? pieces(source(document, lines.get(at + 1))) : List.of();
        // the ways the names may lie, in order: on three lines or two, then on the 序号 line alone
        List<HeaderLines> candidates = new ArrayList<>();
        if (seqHere) {
            // a name's first part on the line above (时间 over 节点, the other names printed on the lower line), going on
            // below the 序号 line too (牵 / 头 / 单位 with 序号 on the middle line)
            List<Piece> over = at > 0 ? pieces(source(document, lines.get(at - 1))) : List.of();
            List<Piece> fromAbove = over.isEmpty() || over.size() >= upper.size() || !shortNames(over) ? null
                    : stacked(over, upper, false, true);
            if (fromAbove != null && goesOnBelow(fromAbove, lower)) {
                candidates.add(new HeaderLines(stacked(fromAbove, lower, true, false), at - 1, at + 2));
            }
            candidates.add(new HeaderLines(fromAbove, at - 1, at + 1));
        }
        if (!lower.isEmpty() && (seqWrapped || lower.get(0).start() >= upper.get(0).end())) {
            List<Piece> two = stacked(upper, lower, seqHere, seqWrapped);
            List<Piece> third = at + 2 < lines.size() ? pieces(source(document, lines.get(at + 2))) : List.of();
            if (two != null && goesOnBelow(two, third)) {
                candidates.add(new HeaderLines(stacked(two, third, true, false), at, at + 3)); // 牵 / 头 / 单位
            }
            if (!seqWrapped) {
                candidates.add(new HeaderLines(onTwoLines(upper, lower), at, at + 2));
            }
            candidates.add(new HeaderLines(two, at, at + 2));
        }
        if (seqHere && upper.size() >= 3) {
            candidates.add(new HeaderLines(upper, at, at + 1));
        }
        for (HeaderLines candidate : candidates) {
            if (candidate.names() == null) {
                continue;
            }
            List<String> names = candidate.names().stream().map(p -> name(p.text())).toList();
            Optional<TableColumns> columns = names.size() >= 3 ? TableColumns.of(names) : Optional.empty();
            if (columns.isPresent() && (columns.get().seq() == 0
                    || columns.get().seq() == 1 && columns.get().category() == 0 && names.size() >= 4)) {
                return Optional.of(new Header(names, candidate.names().stream().map(Piece::end).toList(), candidate.first(),
                        candidate.next(), columns.get().seq()));
            }
        }
        return Optional.empty();
    }

    /** A header's names as they may lie over its lines, from {@code first} to before {@code next}; null names: none. */
    private record HeaderLines(List<Piece> names, int first, int next) {
    }

    /** Whether a line holds only short names: parts of a header's names. */
    private static boolean shortNames(List<Piece> line) {
        return line.stream().allMatch(p -> name(p.text()).length() <= HEADER_LINE_NAME);
    }

    /** Whether the names go on in the line below: short names, none under the 序号 column's. */
    private static boolean goesOnBelow(List<Piece> names, List<Piece> below) {
        return !below.isEmpty() && below.get(0).start() >= names.get(0).end() && shortNames(below);
    }

    /**
     * The header with its names on two lines stacked: a name over a piece below it goes on there (重点 / 领域, 序 / 号),
     * and a name may stand on either line alone (a renderer centring one-line names prints them on the upper or the
     * lower line); null when a piece has more than one below or above it, or a piece is no short name. A piece alone
     * on a line not known to hold the header's names ({@code upperNames}, {@code lowerNames}) must name a column.
     */
    private static List<Piece> stacked(List<Piece> upper, List<Piece> lower, boolean upperNames, boolean lowerNames) {
        record OnLine(Piece piece, boolean upper) {
        }
        List<OnLine> all = new ArrayList<>();
        upper.forEach(p -> all.add(new OnLine(p, true)));
        lower.forEach(p -> all.add(new OnLine(p, false)));
        all.sort(java.util.Comparator.comparingInt(o -> o.piece().start()));
        List<Piece> names = new ArrayList<>();
        List<Boolean> lineOf = new ArrayList<>(); // the line of a name's only piece; null once stacked
        for (OnLine on : all) {
            int last = names.size() - 1;
            Piece piece = on.piece();
            if (last >= 0 && piece.start() < names.get(last).end()) {
                if (lineOf.get(last) == null || lineOf.get(last) == on.upper()) {
                    return null; // three pieces stacked, or two of one line overlapping: no header
                }
                Piece before = names.get(last);
                String text = on.upper() ? piece.text() + before.text() : before.text() + piece.text();
                names.set(last, new Piece(text, Math.min(before.start(), piece.start()), Math.max(before.end(), piece.end())));
                lineOf.set(last, null);
            } else {
                names.add(piece);
                lineOf.add(on.upper());
            }
        }
        for (int n = 0; n < names.size(); n++) {
            String view = name(names.get(n).text());
            // a stacked name is short and has no digits (a row's 2025 under 时限 is a cell); the header as a whole is
            // checked by its columns; a name alone on a line not known for the header's names names a column
            Boolean line = lineOf.get(n);
            boolean known = line == null || (line ? upperNames : lowerNames);
            if (view.length() > STACKED_NAME || view.chars().anyMatch(Character::isDigit)
                    || !known && !TableColumns.namesColumn(view) && !TableColumns.namesSeq(view)) {
                return null;
            }
        }
        return names;
    }

    /** Names split by a gap inside them (序  号, 完成  时限) joined again. */
    private static List<Piece> joinedNames(List<Piece> pieces) {
        List<Piece> joined = new ArrayList<>();
        for (Piece piece : pieces) {
            Piece last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && piece.start() - last.end() <= NAME_GAP && !TableColumns.namesColumn(name(last.text()))
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
            if (below.size() == 1 && name(below.get(0).text()).length() <= HEADER_LINE_NAME
                    && below.get(0).text().chars().noneMatch(Character::isDigit)
                    && TableColumns.namesColumn(name(name.text() + below.get(0).text()))) {
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

    /**
     * A line of the table's body: a row's number line, a chapter line, or a line of cells without a number; its pieces'
     * text as found, then cleaned once ({@link #cleanTexts}) for all that reads it.
     */
    record BodyLine(CleanDocument.Line line, List<Piece> pieces, boolean numbered, boolean chapter,
            boolean afterPageBreak) {
    }

    private static List<TabTableReader.Row> rows(CleanDocument document, Header header, List<String> warnings) {
        List<CleanDocument.Line> lines = document.lines();
        CleanDocument.Line first = lines.get(header.first());
        List<TabTableReader.Row> rows = new ArrayList<>();
        rows.add(new TabTableReader.Row(header.names(), first.start(), lines.get(header.next() - 1).end(), first.number(),
                false));
        List<Integer> ends = header.ends();
        List<BodyLine> body = cleanTexts(cutAtColumns(body(document, header), ends));
        int parts = partsColumn(body, header, ends);
        if (parts > 0) {
            // the rows are the parts numbered 1.1, 1.2 … in their own column; the groups' numbers (merged over them) go
            body = numberedByParts(body, header.seq(), parts, ends);
            warnings.add("the task table numbers its rows in the " + header.names().get(parts) + " column (1.1, 1.2 …),"
                    + " under the group numbers of the " + header.names().get(header.seq())
                    + " column: each part is a task");
        }
        TableColumns columns = TableColumns.of(header.names()).orElseThrow();
        List<RowBands.Line> bandLines = body.stream().map(b -> new RowBands.Line(b.pieces().stream()
                .map(p -> piece(p, ends)).toList(),
                b.numbered(), b.chapter())).toList();
        RowBands.Bands bands = RowBands.assign(bandLines, columns);
        int[] owner = bands.owner(); // which row each line belongs to: the index of its number line in body, -1 for none
        int category = columns.category();
        Map<Integer, String> categories = category == TableColumns.NONE ? Map.of()
                : LayoutCategories.of(body, owner, category, ends, bands.layout());
        Set<Integer> unitsColumns = new HashSet<>(List.of(columns.units(), columns.responsible(), columns.participants()));
        int[] fullWidths = fullWidths(body, ends);
        List<String> continued = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            BodyLine b = body.get(i);
            if (b.chapter()) {
                String lead = b.pieces().get(0).text();
                rows.add(new TabTableReader.Row(List.of(lead), b.line().start(), b.line().end(), b.line().number(), true));
                continue;
            }
            if (owner[i] < 0 || i > 0 && owner[i - 1] == owner[i]) {
                continue; // no row's, or read with the row's first line
            }
            int row = owner[i];
            List<StringBuilder> cells = new ArrayList<>();
            ends.forEach(e -> cells.add(new StringBuilder()));
            Piece[] above = new Piece[ends.size()]; // each column's piece on the row's line above
            int last = i;
            boolean broken = false;
            for (int j = i; j < body.size() && owner[j] == row; j++) {
                for (Piece piece : body.get(j).pieces()) {
                    int column = columnOf(piece.start(), ends);
                    if (column == category) {
                        continue; // read apart, as cells merged over rows
                    }
                    if (column == columns.seq() && j != row) {
                        column = columns.content(); // the number's cell holds the number only
                    }
                    StringBuilder cell = cells.get(column);
                    String text = piece.text();
                    if (cell.isEmpty()) {
                        cell.append(text);
                    } else if (unitsColumns.contains(column) && endsAUnit(cell, above[column], fullWidths[column])
                            && !GOES_ON_NAME.matcher(text).lookingAt()) {
                        cell.append('、').append(text); // one unit per line
                    } else {
                        TabTableReader.Row.wrapInto(cell, text);
                    }
                    above[column] = piece;
                }
                broken |= j > i && body.get(j).afterPageBreak();
                last = j;
            }
            if (broken) {
                continued.add(body.get(row).pieces().get(0).text());
            }
            if (category != TableColumns.NONE) {
                cells.get(category).append(categories.getOrDefault(row, ""));
            }
            List<String> texts = cells.stream().map(StringBuilder::toString).toList();
            String number = texts.get(columns.seq()).strip();
            List<String> filled = texts.stream().filter(t -> !t.isBlank()).toList();
            if (TabTableReader.CHINESE_ROW_NUMBER.matcher(number).matches() && filled.size() == 2 && i == row
                    && last == row) {
                // 一 and one text on one line: a chapter row, its title centred over the cells merged beside the number
                String title = filled.get(1);
                rows.add(new TabTableReader.Row(List.of(number.replaceAll("[、.．]$", "") + "、" + title), b.line().start(),
                        b.line().end(), b.line().number(), true));
                continue;
            }
            rows.add(new TabTableReader.Row(texts, b.line().start(), body.get(last).line().end(),
                    body.get(row).line().number(), false));
        }
        int trailing = 0;
        for (int i = body.size() - 1; i >= 0 && owner[i] < 0 && !body.get(i).chapter(); i--) {
            trailing++;
        }
        if (trailing > 0 && bands.layout().numberCentred()) {
            warnings.add("the " + trailing + " line(s) after the task table's last row were read as no row's (text after"
                    + " the table?): " + body.get(body.size() - trailing).pieces().get(0).text());
        }
        if (parts > 0) {
            // the parts' numbers in the number column, in place of the groups'
            rows.replaceAll(r -> {
                if (r.bare()) {
                    return r;
                }
                List<String> cells = new ArrayList<>(r.cells());
                cells.set(header.seq(), cells.remove(parts));
                return new TabTableReader.Row(cells, r.start(), r.end(), r.line(), false);
            });
        }
        warnings.add("the task table is laid out with spaces (text extracted from a PDF): each piece of text was read as the"
                + " cell of the column it stands under; check the cells");
        if (bands.layout().cellsCentred()) {
            warnings.add("the task table's cells are centred vertically (a row's number on its middle line): the lines"
                    + " between two numbers were shared between the rows as the cells fit them best");
        } else if (bands.layout().numberCentred()) {
            warnings.add("the task table's row numbers are centred vertically, its cells start at the top: a row's lines"
                    + " above its number were read as its first");
        }
        if (!continued.isEmpty()) {
            warnings.add("table rows " + String.join(", ", continued) + " go on below the header repeated after a page"
                    + " break: joined");
        }
        return rows;
    }

    private static RowBands.Piece piece(Piece piece, List<Integer> ends) {
        int column = columnOf(piece.start(), ends);
        boolean overflows = column + 1 < ends.size() && piece.end() > ends.get(column + 1);
        return new RowBands.Piece(column, piece.text(), piece.end() - piece.start(), overflows);
    }

    /**
     * The width of each column's full lines, those a cell wraps after: {@link RowBands#usualWidest}, or a column less
     * (where the next Chinese character would not fit).
     */
    private static int[] fullWidths(List<BodyLine> body, List<Integer> ends) {
        List<List<Integer>> widths = new ArrayList<>();
        ends.forEach(e -> widths.add(new ArrayList<>()));
        body.stream().filter(b -> !b.chapter())
                .forEach(b -> b.pieces().forEach(p -> widths.get(columnOf(p.start(), ends)).add(p.end() - p.start())));
        int[] full = new int[ends.size()];
        for (int c = 0; c < full.length; c++) {
            full[c] = RowBands.usualWidest(widths.get(c)) - 1;
        }
        return full;
    }

    /**
     * Whether a units cell, with its last line, ends a unit: with a role in brackets (市教育局（牵头）), or with a name's
     * end before its column's edge. Then the cell lists one unit per line, and the next line names another.
     */
    private static boolean endsAUnit(CharSequence cell, Piece lastLine, int fullWidth) {
        String view = HanView.of(cell.subSequence(Math.max(0, cell.length() - UNIT_END_READ), cell.length()).toString());
        return ROLE_MARK_END.matcher(view).find() || lastLine != null && lastLine.end() - lastLine.start() < fullWidth
                && RowBands.NAME_END.matcher(view).find();
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
        int deadline = TableColumns.of(header.names()).orElseThrow().deadline();
        List<BodyLine> body = new ArrayList<>();
        boolean pageBroke = false;
        int i = header.next();
        while (i < lines.size()) {
            CleanDocument.Line line = lines.get(i);
            String view = line.view().strip();
            List<Piece> pieces = view.isEmpty() ? List.of() : pieces(source(document, line));
            boolean yearOfADeadline = pieces.size() == 1 && YEAR.matcher(view).matches()
                    && columnOf(pieces.get(0).start(), ends) == deadline;
            boolean furniture = TabTableReader.PAGE_FURNITURE.matcher(view).matches() && !yearOfADeadline;
            if (pieces.isEmpty() || furniture || captions.contains(name(view))) {
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
                int first = again.get().first();
                while (!body.isEmpty() && body.get(body.size() - 1).line().number() >= lines.get(first).number()) {
                    body.remove(body.size() - 1); // the header's line above its 序号 line, read before it was known
                }
                pageBroke = true;
                i = again.get().next();
                continue;
            }
            // a row's number: the first piece from the number column on (a category merged over rows may stand before it)
            Piece numberPiece = pieces.stream().filter(p -> columnOf(p.start(), ends) >= header.seq()).findFirst()
                    .orElse(pieces.get(0));
            String lead = cleaned(pieces.get(0).text());
            boolean numbered = columnOf(numberPiece.start(), ends) == header.seq()
                    && isRowNumber(cleaned(numberPiece.text()));
            boolean chapter = !numbered && pieces.size() == 1 && TabTableReader.CHAPTER.matcher(lead).matches();
            BodyLine previous = body.isEmpty() ? null : body.get(body.size() - 1);
            if (previous != null && previous.chapter() && !numbered && pieces.size() == 1
                    && CHAPTER_GOES_ON.matcher(previous.pieces().get(0).text()).find()) {
                // a chapter's title wrapped onto the next line (…现代化产业体系，/ 提升产业链供应链韧性)
                Piece title = previous.pieces().get(0);
                body.set(body.size() - 1, new BodyLine(previous.line(), List.of(new Piece(title.text() + pieces.get(0).text(),
                        title.start(), title.end())), false, true, previous.afterPageBreak()));
                i++;
                continue;
            }
            body.add(new BodyLine(line, pieces, numbered, chapter, pageBroke));
            pageBroke = false;
            i++;
        }
        return body;
    }

    /** Whether a cell's text numbers a row: 1, 1.1, 一 (also with its chapter's number, 一、1). */
    private static boolean isRowNumber(String text) {
        return TableColumns.ROW_NUMBER.matcher(text).matches()
                || TableColumns.SUB_ROW_NUMBER.matcher(TableColumns.Seq.of(text).number()).matches()
                || TabTableReader.CHINESE_ROW_NUMBER.matcher(text).matches();
    }

    /** The lines with each piece's text cleaned as the document is, once for all that reads it. */
    private static List<BodyLine> cleanTexts(List<BodyLine> body) {
        return body.stream().map(b -> new BodyLine(b.line(), b.pieces().stream()
                .map(p -> new Piece(cleaned(p.text()), p.start(), p.end())).toList(), b.numbered(), b.chapter(),
                b.afterPageBreak())).toList();
    }

    /**
     * A second number column (编号 after 序号) whose cells number parts, 1.1 and 1.2, of the group numbered in the
     * number column before it: its index, or -1.
     */
    private static int partsColumn(List<BodyLine> body, Header header, List<Integer> ends) {
        List<String> names = header.names();
        for (int c = header.seq() + 1; c < names.size(); c++) {
            if (TableColumns.namesSeq(names.get(c))) {
                int column = c;
                long parts = body.stream().filter(b -> !b.chapter()).flatMap(b -> b.pieces().stream())
                        .filter(p -> columnOf(p.start(), ends) == column
                                && TableColumns.SUB_ROW_NUMBER.matcher(p.text()).matches()).count();
                return parts >= 2 ? c : -1;
            }
        }
        return -1;
    }

    /** The lines numbered by their part's number, the groups' numbers left out. */
    private static List<BodyLine> numberedByParts(List<BodyLine> body, int groups, int parts, List<Integer> ends) {
        List<BodyLine> renumbered = new ArrayList<>(body.size());
        for (BodyLine line : body) {
            if (line.chapter()) {
                renumbered.add(line);
                continue;
            }
            List<Piece> pieces = line.pieces().stream().filter(p -> columnOf(p.start(), ends) != groups).toList();
            boolean numbered = pieces.stream().anyMatch(p -> columnOf(p.start(), ends) == parts && isRowNumber(p.text()));
            if (!pieces.isEmpty()) {
                renumbered.add(new BodyLine(line.line(), pieces, numbered, false, line.afterPageBreak()));
            }
        }
        return renumbered;
    }

    /**
     * The lines with each piece that runs on into a later column, a single space apart (a cell filled to its edge),
     * cut where that column's cells start: the printed column most of its pieces start at.
     */
    private static List<BodyLine> cutAtColumns(List<BodyLine> body, List<Integer> ends) {
        List<Map<Integer, Integer>> startsSeen = new ArrayList<>();
        ends.forEach(e -> startsSeen.add(new HashMap<>()));
        body.stream().filter(b -> !b.chapter()).forEach(b -> b.pieces()
                .forEach(p -> startsSeen.get(columnOf(p.start(), ends)).merge(p.start(), 1, Integer::sum)));
        Set<Integer> starts = new HashSet<>();
        for (int c = 1; c < ends.size(); c++) {
            startsSeen.get(c).entrySet().stream().filter(e -> e.getValue() > 1).max(Map.Entry.comparingByValue())
                    .ifPresent(e -> starts.add(e.getKey()));
        }
        List<BodyLine> cut = new ArrayList<>(body.size());
        for (BodyLine line : body) {
            List<Piece> pieces = new ArrayList<>();
            line.pieces().forEach(p -> cut(p, starts, pieces));
            cut.add(line.chapter() ? line : new BodyLine(line.line(), pieces, line.numbered(), line.chapter(),
                    line.afterPageBreak()));
        }
        return cut;
    }

    private static void cut(Piece piece, Set<Integer> starts, List<Piece> into) {
        int at = piece.start();
        String text = piece.text();
        for (int i = 0; i + 1 < text.length(); i++) {
            at += LineCellTable.width(text.substring(i, i + 1));
            if (text.charAt(i) == ' ' && text.charAt(i + 1) != ' ' && i > 0 && starts.contains(at)) {
                String left = text.substring(0, i).strip();
                into.add(new Piece(left, piece.start(), piece.start() + LineCellTable.width(left)));
                cut(new Piece(text.substring(i + 1), at, piece.end()), starts, into);
                return;
            }
        }
        into.add(piece);
    }

    /**
     * The column a piece starting at this printed column stands under: the last one whose predecessor's name ends
     * before it (a cell starts left of its column's name when the name is centred, never left of the name before).
     */
    static int columnOf(int start, List<Integer> ends) {
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
