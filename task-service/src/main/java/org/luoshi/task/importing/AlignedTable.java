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
 * {@link RowBands} says which lines are whose. A category merged over rows then prints over their middle, and is given
 * to the first of them. A piece that runs on into the next column one space apart is cut where that column's cells
 * start.
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
    /** A unit's role in brackets after its name: 市教育局（牵头）. */
    private static final Pattern ROLE_MARK_END = Pattern.compile("[（(](?:牵头|配合|参与|协办|负责)[）)]$");
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
        boolean seqHere = line.view().indexOf("序号") >= 0 || line.view().indexOf("编号") >= 0;
        // 序 over 号: a narrow column's name wrapped, the other names on either line
        boolean seqWrapped = !seqHere && line.view().indexOf('序') >= 0 && at + 1 < lines.size()
                && lines.get(at + 1).view().indexOf('号') >= 0;
        if (!seqHere && !seqWrapped) {
            return Optional.empty(); // most lines, told cheaply
        }
        List<Piece> upper = joinedNames(pieces(source(document, line)));
        List<Piece> lower = at + 1 < lines.size() ? pieces(source(document, lines.get(at + 1))) : List.of();
        List<List<Piece>> candidates = new ArrayList<>(); // the header on two lines, then on one
        List<Piece> threeLines = null; // names stacked on three lines: 牵 / 头 / 单位
        if (!lower.isEmpty() && (seqWrapped || lower.get(0).start() >= upper.get(0).end())) {
            Optional.ofNullable(seqWrapped ? null : onTwoLines(upper, lower)).ifPresent(candidates::add);
            List<Piece> two = stacked(upper, lower, seqHere, seqWrapped);
            List<Piece> third = at + 2 < lines.size() ? pieces(source(document, lines.get(at + 2))) : List.of();
            if (two != null && !third.isEmpty() && third.get(0).start() >= two.get(0).end()
                    && third.stream().allMatch(p -> name(p.text()).length() <= HEADER_LINE_NAME)) {
                threeLines = stacked(two, third, true, false);
            }
            Optional.ofNullable(two).ifPresent(candidates::add);
        }
        if (threeLines != null) {
            candidates.add(0, threeLines);
        }
        int twoLines = candidates.size();
        // a name's first part on the line above (时间 over 节点, the other names printed on the lower line)
        List<Piece> over = at > 0 && seqHere ? pieces(source(document, lines.get(at - 1))) : List.of();
        List<Piece> fromAbove = over.isEmpty() || over.size() >= upper.size()
                || over.stream().anyMatch(p -> name(p.text()).length() > HEADER_LINE_NAME) ? null : stacked(over, upper, false, true);
        if (seqHere && upper.size() >= 3) {
            candidates.add(upper);
        }
        // and going on below the 序号 line too (牵 / 头 / 单位 with 序号 on the middle line)
        List<Piece> aroundSeq = fromAbove == null || lower.isEmpty() || lower.get(0).start() < fromAbove.get(0).end()
                || lower.stream().anyMatch(p -> name(p.text()).length() > HEADER_LINE_NAME) ? null
                : stacked(fromAbove, lower, true, false);
        if (fromAbove != null) {
            candidates.add(0, fromAbove);
            twoLines++;
        }
        if (aroundSeq != null) {
            candidates.add(0, aroundSeq);
            twoLines++;
        }
        for (int c = 0; c < candidates.size(); c++) {
            List<Piece> header = candidates.get(c);
            List<String> names = header.stream().map(p -> name(p.text())).toList();
            if (names.size() >= 3 && TableColumns.namesSeq(names.get(0)) && TableColumns.of(names).isPresent()) {
                boolean above = header == fromAbove || header == aroundSeq;
                int next = header == threeLines ? at + 3 : header == aroundSeq ? at + 2 : above ? at + 1
                        : c < twoLines ? at + 2 : at + 1;
                return Optional.of(new Header(names, header.stream().map(Piece::end).toList(), above ? at - 1 : at, next));
            }
        }
        return Optional.empty();
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
        List<Integer> ends = header.ends();
        List<BodyLine> body = cutAtColumns(body(document, header), ends);
        TableColumns columns = TableColumns.of(header.names()).orElseThrow();
        List<RowBands.Line> bandLines = body.stream().map(b -> new RowBands.Line(b.pieces().stream()
                .map(p -> piece(p, ends)).toList(),
                b.numbered(), b.chapter())).toList();
        RowBands.Bands bands = RowBands.assign(bandLines, columns);
        int[] owner = bands.owner(); // which row each line belongs to: the index of its number line in body, -1 for none
        int category = columns.category();
        Map<Integer, String> categories = category == TableColumns.NONE ? Map.of()
                : categories(body, owner, category, ends, bands.layout());
        Set<Integer> unitsColumns = new HashSet<>(List.of(columns.units(), columns.responsible(), columns.participants()));
        int[] fullWidths = fullWidths(body, ends);
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
                    String text = cleaned(piece.text());
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
                continued.add(cleaned(body.get(row).pieces().get(0).text()));
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
                    + " the table?): " + cleaned(body.get(body.size() - trailing).pieces().get(0).text()));
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
        return new RowBands.Piece(column, cleaned(piece.text()), piece.end() - piece.start(), overflows);
    }

    /**
     * The width of each column's full lines, those a cell wraps after: as wide as the widest but the odd one (a stop
     * hanging past the edge), or a column less (where the next Chinese character would not fit).
     */
    private static int[] fullWidths(List<BodyLine> body, List<Integer> ends) {
        List<List<Integer>> widths = new ArrayList<>();
        ends.forEach(e -> widths.add(new ArrayList<>()));
        body.stream().filter(b -> !b.chapter())
                .forEach(b -> b.pieces().forEach(p -> widths.get(columnOf(p.start(), ends)).add(p.end() - p.start())));
        int[] full = new int[ends.size()];
        for (int c = 0; c < full.length; c++) {
            List<Integer> column = widths.get(c);
            column.sort(java.util.Comparator.reverseOrder());
            full[c] = column.isEmpty() ? 0 : column.get(Math.min(column.size() - 1, column.size() / 10)) - 1;
        }
        return full;
    }

    /**
     * Whether a units cell, with its last line, ends a unit: with a role in brackets (市教育局（牵头）), or with a name's
     * end before its column's edge. Then the cell lists one unit per line, and the next line names another.
     */
    private static boolean endsAUnit(CharSequence cell, Piece lastLine, int fullWidth) {
        String view = HanView.of(cell.subSequence(Math.max(0, cell.length() - 16), cell.length()).toString()); // its end
        return ROLE_MARK_END.matcher(view).find() || lastLine != null && lastLine.end() - lastLine.start() < fullWidth
                && RowBands.NAME_END.matcher(view).find();
    }

    /**
     * The category cells, by the number line of the row they go to; the other rows' category is blank, the same as the
     * row above. A run of lines down the category column is cut where the rows' lines part, into shares.
     * <ul>
     * <li>Aligned to the top, each share is its row's, but that a category merged over rows prints on the first row's
     * lines and runs on into the next rows' when it wraps to more: a share after one that fills the column goes on with
     * it.</li>
     * <li>Centred, a category prints over the middle of the rows it names (each share is its row's when every share is
     * centred on its row, else the run is one text). The rows a text names reach from the line after those of the
     * text before to the end of a row that puts the text in their middle, as the layout rounds it (a text centred in
     * an even number of lines sits half a line up or down); the ends are chosen together for the texts between two
     * chapter lines, and of two that fit as well, the rows go with the text above. The first of them takes the text.</li>
     * </ul>
     */
    private static Map<Integer, String> categories(List<BodyLine> body, int[] owner, int category, List<Integer> ends,
            RowBands.Layout layout) {
        Map<Integer, String> categories = new HashMap<>();
        int wrapWidth = wrapWidth(body, owner, category, ends, layout.cellsCentred());
        List<int[]> section = new ArrayList<>(); // the category texts of the rows since the last chapter line
        int i = 0;
        while (i <= body.size()) {
            if (i == body.size() || body.get(i).chapter()) {
                if (layout.cellsCentred()) {
                    centredCategories(body, owner, category, ends, layout, section, i, categories);
                }
                section.clear();
                i++;
                continue;
            }
            if (owner[i] < 0 || piece(body.get(i), category, ends) == null) {
                i++;
                continue;
            }
            int last = i;
            while (last + 1 < body.size() && owner[last + 1] >= 0 && piece(body.get(last + 1), category, ends) != null) {
                last++;
            }
            List<int[]> shares = new ArrayList<>(); // [first line, last line] of the run in each row it crosses
            for (int j = i; j <= last; j++) {
                if (j == i || owner[j] != owner[j - 1]) {
                    shares.add(new int[] {j, j});
                } else {
                    shares.get(shares.size() - 1)[1] = j;
                }
            }
            if (!layout.cellsCentred()) {
                topCategories(body, owner, category, ends, shares, wrapWidth, categories);
            } else if (shares.stream().allMatch(share -> centredOn(share, owner[share[0]]))
                    && !wrapsOn(body, shares, category, ends, wrapWidth)) {
                section.addAll(shares);
            } else {
                section.add(new int[] {i, last});
            }
            i = last + 1;
        }
        return categories;
    }

    private static void topCategories(List<BodyLine> body, int[] owner, int category, List<Integer> ends,
            List<int[]> shares, int wrapWidth, Map<Integer, String> categories) {
        String text = null;
        int row = -1;
        for (int[] share : shares) {
            String shareText = text(body, share, category, ends);
            Piece before = row >= 0 ? piece(body.get(share[0] - 1), category, ends) : null;
            if (before != null && before.end() - before.start() >= wrapWidth - 1 && !shareText.equals(text)) {
                text = TabTableReader.Row.wrapped(text, shareText); // wrapped on into the next row's lines
            } else {
                if (row >= 0) {
                    categories.put(row, text);
                }
                text = shareText;
                row = owner[share[0]];
            }
        }
        categories.put(row, text);
    }

    /**
     * How wide the category column's text prints before it wraps: its widest line that goes on in the same row's next
     * line; none (the largest int) when no category wraps within a row, or every row has a category of its own.
     */
    private static int wrapWidth(List<BodyLine> body, int[] owner, int category, List<Integer> ends, boolean centred) {
        // every row holds a category (on its first line, or centred anywhere in it): each row has its own, none runs on
        Set<Integer> rows = new HashSet<>();
        Set<Integer> withCategory = new HashSet<>();
        for (int i = 0; i < body.size(); i++) {
            if (owner[i] >= 0) {
                rows.add(owner[i]);
                boolean first = i == 0 || owner[i - 1] != owner[i];
                if ((first || centred) && piece(body.get(i), category, ends) != null) {
                    withCategory.add(owner[i]);
                }
            }
        }
        boolean everyRow = withCategory.containsAll(rows);
        if (everyRow) {
            return Integer.MAX_VALUE;
        }
        int width = 0;
        for (int i = 0; i + 1 < body.size(); i++) {
            Piece piece = owner[i] >= 0 && !body.get(i).chapter() ? piece(body.get(i), category, ends) : null;
            if (piece != null && owner[i + 1] == owner[i] && piece(body.get(i + 1), category, ends) != null) {
                width = Math.max(width, piece.end() - piece.start());
            }
        }
        return width == 0 ? Integer.MAX_VALUE : width;
    }

    /**
     * The rows each text of a section names, chosen together (by dynamic programming over the ends of their rows), and
     * the text given to the first of them.
     */
    private static void centredCategories(List<BodyLine> body, int[] owner, int category, List<Integer> ends,
            RowBands.Layout layout, List<int[]> section, int sectionEnd, Map<Integer, String> categories) {
        List<int[]> texts = new ArrayList<>(); // a row's texts as one (促消费 / （三项）)
        for (int[] text : section) {
            int[] before = texts.isEmpty() ? null : texts.get(texts.size() - 1);
            if (before != null && owner[before[1]] == owner[text[0]]) {
                before[1] = text[1];
            } else {
                texts.add(text.clone());
            }
        }
        if (texts.isEmpty()) {
            return;
        }
        List<Integer> rowEnds = new ArrayList<>();
        int sectionStart = -1;
        for (int j = sectionEnd - 1; j >= 0 && !body.get(j).chapter(); j--) {
            if (owner[j] >= 0) {
                sectionStart = j;
                if (j + 1 == sectionEnd || owner[j + 1] != owner[j]) {
                    rowEnds.add(0, j);
                }
            }
        }
        record Reached(double cost, int previousEnd) {
        }
        // reached.get(k): for each end of text k's rows, the least cost of the texts up to k, and the end before it
        List<Map<Integer, Reached>> reached = new ArrayList<>();
        Map<Integer, Reached> before = Map.of(sectionStart - 1, new Reached(0, -1));
        for (int k = 0; k < texts.size(); k++) {
            int[] text = texts.get(k);
            int limit = k + 1 < texts.size() ? texts.get(k + 1)[0] : sectionEnd; // the next text's rows start before it
            // the ends before, the latest first: of two as good, the rows go with the text above
            List<Integer> previous = new ArrayList<>(before.keySet());
            previous.sort(java.util.Comparator.reverseOrder());
            Map<Integer, Reached> here = new HashMap<>();
            for (int end : rowEnds) {
                boolean lastText = k + 1 == texts.size();
                if (end < text[1] || end >= limit || lastText && end != rowEnds.get(rowEnds.size() - 1)) {
                    continue;
                }
                for (int previousEnd : previous) {
                    // printed over the middle of the rows it names, or of the first of them (its own row, the
                    // others blank: the same as the row above)
                    int start = previousEnd + 1;
                    double total = before.get(previousEnd).cost() + Math.min(offMiddle(text, start, end, layout),
                            offMiddle(text, start, rowEnd(owner, start), layout));
                    if (previousEnd < text[0] && (!here.containsKey(end) || total < here.get(end).cost() - 1e-9)) {
                        here.put(end, new Reached(total, previousEnd));
                    }
                }
            }
            if (here.isEmpty()) {
                texts.remove(k--); // no rows fit it (a text below the section's last row): it names none
                continue;
            }
            reached.add(here);
            before = here;
        }
        if (reached.isEmpty()) {
            return;
        }
        int end = reached.get(reached.size() - 1).entrySet().stream()
                .min(java.util.Comparator.comparingDouble(e -> e.getValue().cost())).orElseThrow().getKey();
        for (int k = texts.size() - 1; k >= 0; k--) {
            int start = reached.get(k).get(end).previousEnd() + 1;
            for (int j = start; j <= end; j++) {
                if (owner[j] >= 0 && body.get(j).numbered()) {
                    categories.put(owner[j], text(body, texts.get(k), category, ends));
                    break;
                }
            }
            end = start - 1;
        }
    }

    /**
     * What a text put in the middle by rounding costs: a little more than one in the exact middle, so that a one-line
     * row between two texts goes to the one it leaves exactly in the middle.
     */
    private static final double ROUNDED = 0.01;

    /**
     * How far a text's lines lie from the middle of the rows from {@code start} to {@code end}, in half lines, past what
     * the layout's rounding puts there.
     */
    private static double offMiddle(int[] text, int start, int end, RowBands.Layout layout) {
        int off = (text[0] + text[1]) - (start + end); // twice the distance of the middles
        int rounded = layout.cellsRoundDown() ? -1 : 1;
        return off == 0 ? 0 : off == rounded ? ROUNDED : Math.min(Math.abs(off), Math.abs(off - rounded));
    }

    /** The last line of the row that holds this line. */
    private static int rowEnd(int[] owner, int line) {
        int end = line;
        while (end + 1 < owner.length && owner[end + 1] == owner[line]) {
            end++;
        }
        return end;
    }

    /** Whether a share of a run ends with a full line: its text goes on in the next row's lines. */
    private static boolean wrapsOn(List<BodyLine> body, List<int[]> shares, int category, List<Integer> ends,
            int wrapWidth) {
        for (int s = 0; s + 1 < shares.size(); s++) {
            Piece last = piece(body.get(shares.get(s)[1]), category, ends);
            if (last.end() - last.start() >= wrapWidth - 1) {
                return true;
            }
        }
        return false;
    }

    /** Whether a share of a category prints centred on its row's number line, give or take a line. */
    private static boolean centredOn(int[] share, int number) {
        int up = number - share[0];
        int down = share[1] - number;
        return share[0] <= number + 1 && share[1] >= number - 1 && Math.abs(up - down) <= 1;
    }

    /** A category's text on these lines (a line between without one is passed over). */
    private static String text(List<BodyLine> body, int[] lines, int category, List<Integer> ends) {
        StringBuilder text = new StringBuilder();
        for (int j = lines[0]; j <= lines[1]; j++) {
            Piece piece = body.get(j).chapter() ? null : piece(body.get(j), category, ends);
            if (piece != null && text.isEmpty()) {
                text.append(cleaned(piece.text()));
            } else if (piece != null) {
                TabTableReader.Row.wrapInto(text, cleaned(piece.text()));
            }
        }
        return text.toString();
    }

    private static Piece piece(BodyLine line, int column, List<Integer> ends) {
        return line.pieces().stream().filter(p -> columnOf(p.start(), ends) == column).findFirst().orElse(null);
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
                int first = again.get().first();
                while (!body.isEmpty() && body.get(body.size() - 1).line().number() >= lines.get(first).number()) {
                    body.remove(body.size() - 1); // the header's line above its 序号 line, read before it was known
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
