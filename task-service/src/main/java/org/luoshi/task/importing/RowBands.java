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
 * <li>cells that read wrong: a unit's name cut in two (务中心, 市政务服), a deadline begun by 前 or 年 or ending in a
 * digit; in the task's text a first line that opens mid-sentence or with a later item of a list, a line that stops short
 * of its column's width though the cell goes on, or a last line that fills it;</li>
 * <li>a piece running past the next column's name: no cell's text (a paragraph after the table), which a centred
 * table's last row may leave to no row.</li>
 * </ul>
 * Ties go to the top, which is how the rows read before this layout was known.
 */
final class RowBands {

    /**
     * How a row's cells lie around its number's line: all at the top; all centred, the half line rounded down or up
     * (the number in another font may round the other way); or the number alone centred and the cells at the top.
     */
    enum Layout {
        TOP(null, null), CENTRED_DOWN(true, true), CENTRED_UP(false, false), NUMBER_CENTRED_DOWN(true, null),
        NUMBER_CENTRED_UP(false, null), NUMBER_UP_CELLS_DOWN(false, true), NUMBER_DOWN_CELLS_UP(true, false);

        /** How the number and the cells round a half line: down (true), up (false), or not centred (null). */
        private final Boolean numberDown;
        private final Boolean cellsDown;

        Layout(Boolean numberDown, Boolean cellsDown) {
            this.numberDown = numberDown;
            this.cellsDown = cellsDown;
        }

        /** Whether the number may print below its row's first line. */
        boolean numberCentred() {
            return numberDown != null;
        }

        /** Whether the cells other than the number are centred. */
        boolean cellsCentred() {
            return cellsDown != null;
        }

        /** Whether centred cells round a half line down (they start half a line above the middle). */
        boolean cellsRoundDown() {
            return Boolean.TRUE.equals(cellsDown);
        }

        private static Layout placing(Boolean down) {
            return down == null ? TOP : down ? CENTRED_DOWN : CENTRED_UP;
        }

        private Layout ofNumber() {
            return placing(numberDown);
        }

        private Layout ofCells() {
            return placing(cellsDown);
        }
    }

    /**
     * A piece of a line as the bands see it: its column, its text cleaned, its printed width, and whether it runs on
     * past the next column's name (no cell's text: a paragraph after the table).
     */
    record Piece(int column, String text, int width, boolean overflows) {
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
    /** An item of a list inside a cell: （1）, 1. or 1、. */
    private static final Pattern ITEM = Pattern.compile("[（(]\\s*\\d{1,2}\\s*[）)]|\\d{1,2}[.．、]");
    /** The first item of a list, as a task's text may open: （1）. */
    private static final Pattern FIRST_ITEM = Pattern.compile("[（(]\\s*1\\s*[）)]");
    /** An item after the first: no task's text opens so. */
    private static final Pattern LATER_ITEM = Pattern.compile("[（(]\\s*(?:[2-9]|\\d{2})\\s*[）)]");
    /** The most lines a centred row is looked at for above its number (a row of 81 lines is one of a kind). */
    private static final int HALF_ROW = 40;
    /** The lines at each edge of a long units or deadline cell read for names cut in two. */
    private static final int EDGE_LINES = 4;
    /** Text before a section's first number that a table aligned to the top would drop. */
    private static final double DROPPED_LINE = 1.5;
    /** A line after a centred table's last row left to no row: less than taking it in, more than a row's own line. */
    private static final double TRAILING_LINE = 0.5;
    /** How a unit's name ends (局, 委, 中心, 政府, 单位 …): a name cut in two does not. */
    static final Pattern NAME_END = Pattern.compile(
            "(?:局|委|厅|办|府|中心|单位|部门|室|会|院|部|行|司|所|队|站|馆|团|处|社|校|组|区|县|市|州|公司|集团|机构|企业|银行"
                    + "|大学|海关|街道|乡镇|厂|台|盟|联|庭)$");
    /** A deadline's cell begun by what ends another: 前, 底前, 止, or by the 年 of a year on the line above. */
    private static final Pattern DEADLINE_CUT = Pattern.compile("^(?:前|底前|止|月底|日前|年)");
    /** A deadline's cell ending with a number whose 年 or 月 went to the next row (2025 / 年6月底前). */
    private static final Pattern DEADLINE_CUT_END = Pattern.compile("\\d$");

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
        int before = numbers.get(0) - from; // lines before the first number: its top lines, or dropped at the top
        int firstAbove = layout.numberCentred() ? before : 0;
        double dropped = layout.numberCentred() ? 0 : DROPPED_LINE * before;
        // best.get(r) maps the lines above row r to the least cost of the rows before it; choice.get(r) maps them to the
        // lines above row r-1 that cost was reached from (to go back). After the last row, the lines past it that no row
        // takes: at the table's end, text after a centred table (a signature) is no row's
        boolean tableEnd = to == costs.lines.size();
        List<Map<Integer, Double>> best = new ArrayList<>();
        List<Map<Integer, Integer>> choice = new ArrayList<>();
        for (int i = 0; i <= m; i++) {
            best.add(new TreeMap<>());
            choice.add(new HashMap<>());
        }
        best.get(0).put(firstAbove, dropped);
        for (int r = 0; r < m; r++) {
            int number = numbers.get(r);
            int gap = gapBelow(numbers, r, to);
            boolean last = r + 1 == m;
            for (Map.Entry<Integer, Double> state : best.get(r).entrySet()) {
                int above = state.getKey();
                // centred, a row reaches as far below its number as above it, give or take the odd line: the lines in
                // doubt are bounded, whatever the length of a gap
                boolean bounded = layout.numberCentred() && (!last || tableEnd);
                int lowest = !bounded ? gap : Math.max(0, Math.max(last ? 0 : gap - HALF_ROW, above - 2));
                int highest = !bounded ? gap : Math.min(gap, above + 2);
                if (lowest > highest) {
                    lowest = highest = gap; // no centred row is so tall: the row above takes the gap, at its cost
                }
                for (int below = lowest; below <= highest; below++) {
                    int nextAbove = gap - below;
                    double cost = state.getValue() + costs.row(number, above, below, layout)
                            + (last ? costs.trailing(number + below + 1, to) : 0);
                    Double known = best.get(r + 1).get(nextAbove);
                    if (known == null || cost < known - 1e-9) {
                        best.get(r + 1).put(nextAbove, cost);
                        choice.get(r + 1).put(nextAbove, above);
                    }
                }
            }
        }
        Map.Entry<Integer, Double> end = best.get(m).entrySet().stream()
                .min(java.util.Comparator.comparingDouble(Map.Entry::getValue)).orElseThrow();
        int nextAbove = end.getKey();
        for (int r = m - 1; r >= 0; r--) {
            int above = choice.get(r + 1).get(nextAbove);
            int number = numbers.get(r);
            int below = gapBelow(numbers, r, to) - nextAbove;
            for (int i = number - above; i <= number + below; i++) {
                owner[i] = number;
            }
            nextAbove = above;
        }
        return end.getValue();
    }

    /** The lines between row {@code r}'s number and the next one's (or the section's end). */
    private static int gapBelow(List<Integer> numbers, int r, int sectionEnd) {
        return (r + 1 < numbers.size() ? numbers.get(r + 1) : sectionEnd) - numbers.get(r) - 1;
    }

    /**
     * How wide a column's lines print as a rule: its widest but the odd one in ten (a stop hanging past the edge, a
     * cell run on into the next column).
     */
    static int usualWidest(List<Integer> widths) {
        List<Integer> sorted = new ArrayList<>(widths);
        sorted.sort(java.util.Comparator.reverseOrder());
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() / 10));
    }

    /** The costs of rows, with what they need of the table: its columns and how wide its text column prints. */
    private static final class Costs {

        final List<Line> lines;
        final TableColumns columns;
        final int textWidth;
        /** A cell's text cost by its column and lines, whichever row and layout they are read for. */
        final Map<Span, Double> textCosts = new HashMap<>();

        Costs(List<Line> lines, TableColumns columns) {
            this.lines = lines;
            this.columns = columns;
            this.textWidth = usualWidest(lines.stream().filter(l -> !l.chapter()).flatMap(l -> l.pieces().stream())
                    .filter(p -> p.column() == columns.content()).map(Piece::width).toList());
        }

        /** The lines from {@code first} to {@code last} of a column. */
        private record Span(int column, int first, int last) {
        }

        /** The cost of leaving the lines from {@code from} to before {@code to} to no row. */
        double trailing(int from, int to) {
            return TRAILING_LINE * Math.max(0, to - from);
        }

        /** The cost of the row numbered on line {@code number} with these lines above and below it. */
        double row(int number, int above, int below, Layout layout) {
            int first = number - above;
            int height = above + below + 1;
            double cost = placement(above, top(layout.ofNumber(), height, 1));
            Map<Integer, int[]> spans = new HashMap<>(); // each column's first and last line with text
            for (int i = first; i <= number + below; i++) {
                for (Piece piece : lines.get(i).pieces()) {
                    if (piece.overflows()) {
                        cost += TEXT_CUT;
                    }
                    // a category's cell may be merged over rows: where it prints says nothing of one row's lines
                    if (piece.column() != columns.seq() && piece.column() != columns.category()) {
                        int line = i;
                        spans.computeIfAbsent(piece.column(), c -> new int[] {line, line})[1] = line;
                    }
                }
            }
            for (Map.Entry<Integer, int[]> column : spans.entrySet()) {
                int[] span = column.getValue();
                cost += placement(span[0] - first, top(layout.ofCells(), height, span[1] - span[0] + 1));
                cost += textCosts.computeIfAbsent(new Span(column.getKey(), span[0], span[1]), this::textCost);
            }
            return cost;
        }

        private double textCost(Span span) {
            List<Piece> pieces = new ArrayList<>();
            for (int i = span.first(); i <= span.last(); i++) {
                lines.get(i).pieces().stream().filter(p -> p.column() == span.column()).forEach(pieces::add);
            }
            if (span.column() != columns.content() && pieces.size() > 2 * EDGE_LINES) {
                // a name or a deadline cut in two shows at a cell's edges: a long cell is read there only
                return textCost(span.column(), pieces.subList(0, EDGE_LINES))
                        + textCost(span.column(), pieces.subList(pieces.size() - EDGE_LINES, pieces.size()));
            }
            return textCost(span.column(), pieces);
        }

        private double textCost(int column, List<Piece> pieces) {
            if (column == columns.content()) {
                // a task's text opens with the work to do (推进, 深化 …): a row that starts mid-sentence took a line of
                // the row above
                String opening = pieces.get(0).text();
                double cost = LATER_ITEM.matcher(opening).lookingAt() ? TEXT_CUT
                        : LineCellTable.startsWork(opening) || FIRST_ITEM.matcher(opening).lookingAt() ? 0 : NO_WORK_START;
                for (int i = 0; i < pieces.size(); i++) {
                    boolean lastLine = i == pieces.size() - 1;
                    boolean full = pieces.get(i).width() >= textWidth - 2;
                    boolean short_ = pieces.get(i).width() < textWidth - 4;
                    // a short line before an item of a list (（2）…) is a break inside the cell
                    boolean beforeItem = !lastLine && ITEM.matcher(pieces.get(i + 1).text()).lookingAt();
                    if (lastLine && full || !lastLine && short_ && !goesOn(pieces.get(i).text()) && !beforeItem) {
                        cost += SHORT_OR_FULL;
                    }
                }
                return cost;
            }
            StringBuilder joined = new StringBuilder(pieces.get(0).text());
            for (int i = 1; i < pieces.size(); i++) {
                TabTableReader.Row.wrapInto(joined, pieces.get(i).text());
            }
            String text = joined.toString();
            if (column == columns.deadline()) {
                String view = HanView.of(text);
                return (DEADLINE_CUT.matcher(view).lookingAt() ? TEXT_CUT : 0) + (DEADLINE_CUT_END.matcher(view).find() ? TEXT_CUT : 0);
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

    /**
     * Where a k-line cell of an h-line row starts in this layout. Rounded down, a cell an odd number of lines shorter
     * than its row starts half a line above its middle; rounded up, half a line below.
     */
    private static int top(Layout layout, int height, int span) {
        return switch (layout) {
            case CENTRED_DOWN -> Math.max(0, (height - span) / 2);
            case CENTRED_UP -> Math.max(0, (height - span + 1) / 2);
            default -> 0; // at the top
        };
    }

    private static double placement(int actual, int expected) {
        int off = Math.abs(actual - expected);
        return off == 0 ? 0 : off == 1 ? LINE_OFF : LINES_OFF * off;
    }
}
