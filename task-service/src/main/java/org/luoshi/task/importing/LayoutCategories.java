package org.luoshi.task.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.luoshi.task.importing.AlignedTable.BodyLine;
import org.luoshi.task.importing.AlignedTable.Piece;

/**
 * The category cells of a table laid out with spaces ({@link AlignedTable}), once {@link RowBands} has said which lines
 * are whose row: a category merged over rows prints where the layout puts it, which need not be its first row's lines.
 */
final class LayoutCategories {

    private LayoutCategories() {
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
    static Map<Integer, String> of(List<BodyLine> body, int[] owner, int category, List<Integer> ends,
            RowBands.Layout layout) {
        Map<Integer, String> categories = new HashMap<>();
        Piece[] cells = new Piece[body.size()]; // each line's piece in the category column, if any
        for (int i = 0; i < cells.length; i++) {
            cells[i] = body.get(i).chapter() ? null : body.get(i).pieces().stream()
                    .filter(p -> AlignedTable.columnOf(p.start(), ends) == category).findFirst().orElse(null);
        }
        int wrapWidth = wrapWidth(cells, owner, layout.cellsCentred());
        record Section(List<int[]> texts, int end) {
        }
        List<Section> sections = new ArrayList<>(); // centred: the category texts of the rows between chapter lines
        List<int[]> section = new ArrayList<>();
        int i = 0;
        while (i <= body.size()) {
            if (i == body.size() || body.get(i).chapter()) {
                if (layout.cellsCentred()) {
                    sections.add(new Section(section, i));
                }
                section = new ArrayList<>();
                i++;
                continue;
            }
            if (owner[i] < 0 || cells[i] == null) {
                i++;
                continue;
            }
            int last = i;
            while (last + 1 < body.size() && owner[last + 1] >= 0 && cells[last + 1] != null) {
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
                topCategories(cells, owner, shares, wrapWidth, categories);
            } else if (shares.stream().allMatch(share -> centredOn(share, owner[share[0]]))
                    && !wrapsOn(cells, shares, wrapWidth)) {
                section.addAll(shares);
            } else {
                section.add(new int[] {i, last});
            }
            i = last + 1;
        }
        // a table that merges its categories over rows, as one not centred in a row of its own shows, merges them all
        boolean merges = sections.stream().flatMap(x -> x.texts().stream()).anyMatch(text -> !inOwnRow(text, owner, layout));
        for (Section x : sections) {
            centredCategories(body, cells, owner, layout, x.texts(), x.end(), merges ? BLANK_BELOW : 0, categories);
        }
        return categories;
    }

    /** Whether a text lies in one row, in its middle as the layout rounds it. */
    private static boolean inOwnRow(int[] text, int[] owner, RowBands.Layout layout) {
        return owner[text[0]] == owner[text[1]]
                && offMiddle(text, rowStart(owner, text[0]), rowEnd(owner, text[0]), layout) <= ROUNDED;
    }

    private static void topCategories(Piece[] cells, int[] owner, List<int[]> shares, int wrapWidth,
            Map<Integer, String> categories) {
        String text = null;
        int row = -1;
        for (int[] share : shares) {
            String shareText = text(cells, share);
            Piece before = row >= 0 ? cells[share[0] - 1] : null;
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
    private static int wrapWidth(Piece[] cells, int[] owner, boolean centred) {
        // every row holds a category (on its first line, or centred anywhere in it): each row has its own, none runs on
        Set<Integer> rows = new HashSet<>();
        Set<Integer> withCategory = new HashSet<>();
        for (int i = 0; i < cells.length; i++) {
            if (owner[i] >= 0) {
                rows.add(owner[i]);
                boolean first = i == 0 || owner[i - 1] != owner[i];
                if ((first || centred) && cells[i] != null) {
                    withCategory.add(owner[i]);
                }
            }
        }
        boolean everyRow = withCategory.containsAll(rows);
        if (everyRow) {
            return Integer.MAX_VALUE;
        }
        int width = 0;
        for (int i = 0; i + 1 < cells.length; i++) {
            Piece piece = owner[i] >= 0 ? cells[i] : null;
            if (piece != null && owner[i + 1] == owner[i] && cells[i + 1] != null) {
                width = Math.max(width, piece.end() - piece.start());
            }
        }
        return width == 0 ? Integer.MAX_VALUE : width;
    }

    /**
     * The rows each text of a section names, chosen together (by dynamic programming over the ends of their rows), and
     * the text given to the first of them.
     */
    private static void centredCategories(List<BodyLine> body, Piece[] cells, int[] owner, RowBands.Layout layout,
            List<int[]> section, int sectionEnd, double blankBelow, Map<Integer, String> categories) {
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
                    int ownEnd = rowEnd(owner, start);
                    double merged = offMiddle(text, start, end, layout);
                    double total = before.get(previousEnd).cost() + (ownEnd == end ? merged
                            : Math.min(merged, offMiddle(text, start, ownEnd, layout) + blankBelow));
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
                    categories.put(owner[j], text(cells, texts.get(k)));
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
     * What reading a text as its first row's own, the rows below it blank, costs over reading it merged over them all, in
     * a table that merges its categories: a little, so that there a rounded middle over the rows beats a first row's
     * exact one (the rows between then go with the text below). A table whose every category lies in the middle of one
     * row pays nothing: there the rows between go with the text above.
     */
    private static final double BLANK_BELOW = 0.005;

    /**
     * How far a text's lines lie from the middle of the rows from {@code start} to {@code end}, in half lines, past what
     * the layout's rounding puts there.
     */
    private static double offMiddle(int[] text, int start, int end, RowBands.Layout layout) {
        int off = (text[0] + text[1]) - (start + end); // twice the distance of the middles
        int rounded = layout.cellsRoundDown() ? -1 : 1;
        return off == 0 ? 0 : off == rounded ? ROUNDED : Math.min(Math.abs(off), Math.abs(off - rounded));
    }

    /** The first line of the row that holds this line. */
    private static int rowStart(int[] owner, int line) {
        int start = line;
        while (start > 0 && owner[start - 1] == owner[line]) {
            start--;
        }
        return start;
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
    private static boolean wrapsOn(Piece[] cells, List<int[]> shares, int wrapWidth) {
        for (int s = 0; s + 1 < shares.size(); s++) {
            Piece last = cells[shares.get(s)[1]];
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
    private static String text(Piece[] cells, int[] lines) {
        StringBuilder text = new StringBuilder();
        for (int j = lines[0]; j <= lines[1]; j++) {
            Piece piece = cells[j];
            if (piece != null && text.isEmpty()) {
                text.append(piece.text());
            } else if (piece != null) {
                TabTableReader.Row.wrapInto(text, piece.text());
            }
        }
        return text.toString();
    }
}
