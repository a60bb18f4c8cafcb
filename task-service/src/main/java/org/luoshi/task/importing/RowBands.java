package org.luoshi.task.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which lines of a table laid out with spaces belong to which row. A row's cells either start on the line of its number
 * (aligned to the top) or are centred vertically on it: then the number and every short cell print on the row's middle
 * line and a tall cell's first lines come before the number. The lines between two numbers are shared between the two
 * rows as the layout fits them best: the layout (top, or centred with the half line rounded down or up, as renderers
 * differ) and each split are chosen together, by dynamic programming over the rows between two chapter lines, at the
 * least cost of
 * <ul>
 * <li>cells out of place: in an h-line row a k-line cell starts on line 0 (top) or (h − k) / 2 (centred), the number
 * being a 1-line cell; a line off costs a little (a number in another font rounds otherwise), more costs much;</li>
 * <li>cells that read wrong: a unit's name cut in two (务中心, 市政务服), a deadline begun by 前; in the task's text a line
 * that stops short of its column's width though the cell goes on, or a last line that fills it.</li>
 * </ul>
 * Ties go to the top, which is how the rows read before this layout was known.
 */
final class RowBands {

    /**
     * How a row's cells lie around its number's line: all at the top; all centred, the half line rounded down or up; or
     * the number alone centred and the cells at the top.
     */
    enum Layout {
        TOP, CENTRED_DOWN, CENTRED_UP, NUMBER_CENTRED_DOWN, NUMBER_CENTRED_UP;

        /** Whether the number may print below its row's first line. */
        boolean numberCentred() {
            return this != TOP;
        }

        /** Whether the cells other than the number are centred. */
        boolean cellsCentred() {
            return this == CENTRED_DOWN || this == CENTRED_UP;
        }

        private Layout ofNumber() {
            return this == NUMBER_CENTRED_DOWN ? CENTRED_DOWN : this == NUMBER_CENTRED_UP ? CENTRED_UP : this;
        }

        private Layout ofCells() {
            return cellsCentred() ? this : TOP;
        }
    }

    /** A piece of a line as the bands see it: its column, its text cleaned, its printed width. */
    record Piece(int column, String text, int width) {
    }

    /** A line of the table's body. */
    record Line(List<Piece> pieces, boolean numbered, boolean chapter) {
    }

    /**
     * The layout chosen, and for each line the index of its row's number line, -1 for none (a chapter line, or text
     * before the first row of a table aligned to the top).
     */
    record Bands(Layout layout, int[] owner) {
    }

    private static final double LINE_OFF = 0.5;
    private static final double LINES_OFF = 2;
    private static final double TEXT_CUT = 1;
    private static final double SHORT_OR_FULL = 0.25;
    private static final double NO_WORK_START = 0.1;
    /** The most lines a centred row is looked at for above its number (a row of 81 lines is one of a kind). */
    private static final int HALF_ROW = 40;
    /** Text before a section's first number that a table aligned to the top would drop. */
    private static final double DROPPED_LINE = 3;
    /** How a unit's name ends (局, 委, 中心, 政府, 单位 …): a name cut in two does not. */
    static final Pattern NAME_END = Pattern.compile(
            "(?:局|委|厅|办|府|中心|单位|部门|室|会|院|部|行|司|所|队|站|馆|团|处|社|校|组|区|县|市|州|公司|集团|机构|企业|银行"
                    + "|大学|海关|街道|乡镇|厂|台|盟|联|庭)$");
    /** A deadline's cell begun by what ends another: 前, 底前, 止. */
    private static final Pattern DEADLINE_CUT = Pattern.compile("^(?:前|底前|止|月底|日前)");

    private RowBands() {
    }

    static Bands assign(List<Line> lines, TableColumns columns) {
        Costs costs = new Costs(lines, columns);
        Bands best = null;
        double bestCost = Double.MAX_VALUE;
        for (Layout layout : Layout.values()) {
            int[] owner = new int[lines.size()];
            Arrays.fill(owner, -1);
            double cost = 0;
            int from = 0;
            // each stretch of rows between chapter lines (or the table's ends) on its own
            for (int i = 0; i <= lines.size(); i++) {
                if (i == lines.size() || lines.get(i).chapter()) {
                    cost += section(costs, layout, from, i, owner);
                    from = i + 1;
                }
            }
            if (cost < bestCost - 1e-9) {
                bestCost = cost;
                best = new Bands(layout, owner);
            }
        }
        return best;
    }

    /** Shares the lines from {@code from} to {@code to} (a section) among its rows; answers the least cost. */
    private static double section(Costs costs, Layout layout, int from, int to, int[] owner) {
        List<Integer> numbers = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (costs.lines.get(i).numbered()) {
                numbers.add(i);
            }
        }
        if (numbers.isEmpty()) {
            return 0;
        }
        int m = numbers.size();
        int before = numbers.get(0) - from;
        double dropped = 0;
        int firstAbove = before;
        if (!layout.numberCentred()) {
            firstAbove = 0;
            for (int i = from; i < numbers.get(0); i++) {
                dropped += costs.lines.get(i).pieces().isEmpty() ? 0 : DROPPED_LINE;
            }
        }
        // best[i] maps the lines above row i to the least cost of rows before it; choice[i] to the lines below row i-1
        List<Map<Integer, Double>> best = new ArrayList<>();
        List<Map<Integer, Integer>> choice = new ArrayList<>();
        for (int i = 0; i <= m; i++) {
            best.add(new TreeMap<>());
            choice.add(new HashMap<>());
        }
        best.get(0).put(firstAbove, dropped);
        for (int r = 0; r < m; r++) {
            int number = numbers.get(r);
            int gap = (r + 1 < m ? numbers.get(r + 1) : to) - number - 1;
            boolean last = r + 1 == m;
            for (Map.Entry<Integer, Double> state : best.get(r).entrySet()) {
                int above = state.getKey();
                // centred, a row reaches as far below its number as above it, give or take the odd line: the lines in
                // doubt are bounded, whatever the length of a gap
                int lowest = !layout.numberCentred() || last ? gap : Math.max(0, Math.max(gap - HALF_ROW, above - 2));
                int highest = !layout.numberCentred() || last ? gap : Math.min(gap, above + 2);
                if (lowest > highest) {
                    lowest = highest = gap; // no centred row is so tall: the row above takes the gap, at its cost
                }
                for (int below = lowest; below <= highest; below++) {
                    double cost = state.getValue() + costs.row(number, above, below, layout);
                    int nextAbove = gap - below;
                    Double known = best.get(r + 1).get(nextAbove);
                    if (known == null || cost < known - 1e-9) {
                        best.get(r + 1).put(nextAbove, cost);
                        choice.get(r + 1).put(nextAbove, above);
                    }
                }
            }
        }
        // back from the end: the last row takes every line below it, so one state remains
        Map.Entry<Integer, Double> end = best.get(m).entrySet().iterator().next();
        int nextAbove = end.getKey();
        for (int r = m - 1; r >= 0; r--) {
            int above = choice.get(r + 1).get(nextAbove);
            int number = numbers.get(r);
            int gap = (r + 1 < m ? numbers.get(r + 1) : to) - number - 1;
            int below = gap - nextAbove;
            for (int i = number - above; i <= number + below; i++) {
                owner[i] = number;
            }
            nextAbove = above;
        }
        return end.getValue();
    }

    /** The costs of rows, with what they need of the table: its columns and how wide its text column prints. */
    private static final class Costs {

        final List<Line> lines;
        final TableColumns columns;
        final int textWidth;
        final Map<Long, Double> known = new HashMap<>();

        Costs(List<Line> lines, TableColumns columns) {
            this.lines = lines;
            this.columns = columns;
            List<Integer> widths = new ArrayList<>();
            lines.stream().filter(l -> !l.chapter()).forEach(l -> l.pieces().stream()
                    .filter(p -> p.column() == columns.content()).forEach(p -> widths.add(p.width())));
            widths.sort(java.util.Comparator.reverseOrder());
            // a line's full width, past the odd one that a hanging stop makes wider
            this.textWidth = widths.isEmpty() ? 0 : widths.get(Math.min(widths.size() - 1, widths.size() / 10));
        }

        /** The cost of the row numbered on line {@code number} with these lines above and below it. */
        double row(int number, int above, int below, Layout layout) {
            long key = ((long) number << 32) | ((long) above << 20) | ((long) below << 8) | layout.ordinal();
            return known.computeIfAbsent(key, k -> computeRow(number, above, below, layout));
        }

        private double computeRow(int number, int above, int below, Layout layout) {
            int first = number - above;
            int height = above + below + 1;
            double cost = placement(above, top(layout.ofNumber(), height, 1));
            Map<Integer, List<Integer>> linesOf = new HashMap<>();
            Map<Integer, List<Piece>> piecesOf = new HashMap<>();
            for (int i = first; i <= number + below; i++) {
                for (Piece piece : lines.get(i).pieces()) {
                    // a category's cell may be merged over rows: where it prints says nothing of one row's lines
                    if (piece.column() != columns.seq() && piece.column() != columns.category()) {
                        linesOf.computeIfAbsent(piece.column(), c -> new ArrayList<>()).add(i - first);
                        piecesOf.computeIfAbsent(piece.column(), c -> new ArrayList<>()).add(piece);
                    }
                }
            }
            for (Map.Entry<Integer, List<Integer>> column : linesOf.entrySet()) {
                List<Integer> at = column.getValue();
                int span = at.get(at.size() - 1) - at.get(0) + 1;
                cost += placement(at.get(0), top(layout.ofCells(), height, span));
                cost += textCost(column.getKey(), piecesOf.get(column.getKey()));
            }
            return cost;
        }

        private double textCost(int column, List<Piece> pieces) {
            if (column == columns.content()) {
                // a task's text opens with the work to do (推进, 深化 …): a row that starts mid-sentence took a line of
                // the row above
                double cost = LineCellTable.startsWork(pieces.get(0).text()) ? 0 : NO_WORK_START;
                for (int i = 0; i < pieces.size(); i++) {
                    boolean lastLine = i == pieces.size() - 1;
                    boolean full = pieces.get(i).width() >= textWidth - 2;
                    boolean short_ = pieces.get(i).width() < textWidth - 4;
                    if (lastLine && full || !lastLine && short_ && !goesOn(pieces.get(i).text())) {
                        cost += SHORT_OR_FULL;
                    }
                }
                return cost;
            }
            String text = pieces.get(0).text();
            for (int i = 1; i < pieces.size(); i++) {
                text = TabTableReader.Row.wrapped(text, pieces.get(i).text());
            }
            if (column == columns.deadline()) {
                return DEADLINE_CUT.matcher(HanView.of(text)).lookingAt() ? TEXT_CUT : 0;
            }
            if (column == columns.units() || column == columns.responsible() || column == columns.participants()) {
                double cost = 0;
                for (UnitMention mention : UnitSplitter.split(text)) {
                    String name = HanView.of(mention.rawName());
                    if (mention.kind() == org.luoshi.task.api.model.AssignmentKind.AGENCY
                            && !(LineCellTable.startsAName(name) && NAME_END.matcher(name).find())) {
                        cost += TEXT_CUT;
                    }
                }
                return cost;
            }
            return 0;
        }

        private static boolean goesOn(String text) {
            return text.endsWith("、") || text.endsWith("，") || text.endsWith(",");
        }
    }

    /** Where a k-line cell of an h-line row starts in this layout. */
    private static int top(Layout layout, int height, int span) {
        return switch (layout) {
            case TOP, NUMBER_CENTRED_DOWN, NUMBER_CENTRED_UP -> 0; // their cells lie at the top
            case CENTRED_DOWN -> Math.max(0, (height - span) / 2);
            case CENTRED_UP -> Math.max(0, (height - span + 1) / 2);
        };
    }

    private static double placement(int actual, int expected) {
        int off = Math.abs(actual - expected);
        return off == 0 ? 0 : off == 1 ? LINE_OFF : LINES_OFF * off;
    }
}
