package org.luoshi.task.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task table as text copied out of a PDF: no tab and no bar anywhere, every cell on a line of its own, a long cell
 * wrapped over several lines, an empty cell left out altogether. The header is the 序号 line and the column names on
 * the lines after it (序号, 重点任务, 牵头单位, 配合单位, 完成时限, a name wrapped over two lines joined); each row starts
 * with its number on a line of its own, the next one in order (or 1 again after a chapter or a header: a next table).
 * A row's lines are turned into the cells {@link TabTableReader} reads by what they hold rather than by their count:
 * from the row's end back, the remarks or persons after the units, the deadline (over up to three lines), then the
 * units' names, and what is left before them is the task's text. Units cells are told apart where a line ends with a
 * whole name and the next starts one; otherwise the lines are one name wrapped ({@code 市人力资源} / {@code 社会保障局}).
 * Where a table has a category column, the row's first line (or two) is its category when narrower than the line
 * after it (a wrapped text's first line is as wide as its cell; a category is short), and blank otherwise ("same as the
 * row above"). A chapter line ({@code 一、…}) between rows is read as in a tab table; page numbers are dropped, and the
 * header repeated after a page break is passed over, the row it interrupted going on below it.
 */
final class LineCellTable {

    /** A column name on a line of its own, spaces removed. */
    private static final int LONGEST_COLUMN_NAME = 12;
    /** A column name the header does not know: as short as a name and no more. */
    private static final int LONGEST_OTHER_NAME = 8;
    private static final int MOST_COLUMNS = 10;
    /** Longer names in a units cell are more likely a task's text wrapped onto a line of its own. */
    private static final int LONGEST_UNIT_NAME = 16;
    /** How many lines a units cell, a deadline cell and a remark may take. */
    private static final int UNIT_LINES = 8;
    private static final int DEADLINE_LINES = 3;
    private static final int ASIDE_LINES = 3;
    private static final int PERSON_NAME = 4;
    /** How far below a row's number the same number is looked for, as the row after a page's number. */
    private static final int LOOK_AHEAD = 40;
    /** A persons cell: names of two to four characters, listed with 、, a post in brackets after one. */
    private static final Pattern PERSONS_CELL = Pattern.compile("^\\p{IsHan}{2,4}(?:[（(][^）)]{1,8}[）)])?(?:[、，,]\\p{IsHan}{2,4}){0,3}$");
    /**
     * One clause of a deadline cell: a date with a year and a few words around it (2024年6月底前启动), or a standing,
     * periodic or in-year timing; no number after its words (2024年11月底前 / 农村客运招呼站30个 are two cells).
     */
    private static final Pattern DEADLINE_CLAUSE = Pattern.compile("^(?:[^，,；;。]{0,8}\\d{4}[\\d年月日底前末季度上下半第一二三四至—\\-－～~]*[^，,；;。\\d]{0,8}"
            + "|(?:长期|持续|常态化|逐年|每年|每季度|每月|全年|年内|年底|年末|上半年|下半年|第?[一二三四]季度|\\d{1,2}月)[^，,；;。]{0,8})$");
    /** A piece of a deadline wrapped over lines: 2024年 / 12月底 / 前. */
    private static final Pattern DEADLINE_PIECE = Pattern.compile("^[\\d年月日底前末季度上下半第一二三四至—\\-－～~]+$");
    /** A cell that says there is none: a dash, a slash, 无. */
    /** What follows the table: notes under it, a printed document's distribution and printing lines, a next annex. */
    static final Pattern END = Pattern.compile(
            "^(?:抄送|主送|抄报)[:：]|印发$|^附件\\s*\\d*\\s*[:：]?$|^(?:注|说明|备注|附注)\\s*\\d*\\s*[:：]");
    private static final Pattern CLAUSE = Pattern.compile("[，,。；;：:]");
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[，,；;]");
    private static final Pattern SEPARATOR_AT_END = Pattern.compile("[、，,；;]$");
    /** How a unit's name starts (a level, a group, the nation, a national body's office). */
    private static final Pattern NAME_START = Pattern.compile(
            "省|市|县|区|州|自治|各|有关|相关|国家|国务院|中国|中共|共青团|团|人民银行|人行|国网|民航|海关");
    private static final Pattern SENTENCE_END = Pattern.compile("[。；;！!？?]$");
    /** What no unit's name holds: a full stop, a number, a share. */
    private static final Pattern NOT_IN_A_NAME = Pattern.compile("[。\\d%％]");
    /** What a task's text opens with and a unit's name never does (纳入法治政府 is a remark, not a government). */
    private static final Pattern WORK_START = Pattern.compile("推进|推动|建立|建设|完善|加强|加快|开展|实施|落实|提升|深化|健全|强化"
            + "|支持|鼓励|引导|召开|制定|出台|培育|打造|创建|构建|优化|规范|扩大|促进|纳入|开发|设立|成立|举办|发挥|做好|抓好|探索"
            + "|统筹|争取|积极|全面|进一步|确保|力争|新建|新增|改造|完成|实现");
    /** A line ending so goes on in the next: a word that needs what follows (升级为 / 国家…中心), an open bracket. */
    private static final Pattern GOES_ON = Pattern.compile("[为在和与及的对向把将由到至等以从于按经给被、，,（(“《]$");

    private LineCellTable() {
    }

    /**
     * The rows of the document's one-cell-per-line table, its header first; none when it has no such table. Rows whose
     * units cells could not be told apart are named in a warning.
     */
    static List<TabTableReader.Row> rows(CleanDocument document, List<String> warnings) {
        List<CleanDocument.Line> lines = document.lines().stream().filter(l -> !l.isBlank()).toList();
        for (int i = 0; i < lines.size(); i++) {
            Optional<Header> header = header(lines, i);
            if (header.isPresent()) {
                return rows(lines, header.get(), warnings);
            }
        }
        return List.of();
    }

    /** A header: its column names, the stretch of text it spans, and the index of the line after it. */
    private record Header(List<String> names, TableColumns columns, int start, int end, int lineNumber, int next) {

        TabTableReader.Row row() {
            return new TabTableReader.Row(names, start, end, lineNumber, false);
        }
    }

    /**
     * The header starting at line {@code at}: 序号 and the column names below it, a name wrapped over two lines joined
     * (牵头 / 单位, 配合 / 单位). A name the reader does not know (重点工作) counts when the line after the header is the
     * first row's number.
     */
    private static Optional<Header> header(List<CleanDocument.Line> lines, int at) {
        return header(lines, at, false);
    }

    /**
     * As above; {@code again}: the header printed again over a page, which a row of any number follows (5, where the
     * page broke after row 4).
     */
    private static Optional<Header> header(List<CleanDocument.Line> lines, int at, boolean again) {
        CleanDocument.Line first = lines.get(at);
        if (first.view().length() > 2 * LONGEST_COLUMN_NAME
                || first.view().indexOf("序号") < 0 && first.view().indexOf("编号") < 0 // most lines, told cheaply
                || !isShortPlain(first) || !TableColumns.namesSeq(name(first))) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>(List.of(name(first)));
        boolean othersNamed = false;
        int i = at + 1;
        while (i < lines.size() && names.size() < MOST_COLUMNS && isShortPlain(lines.get(i))) {
            String name = name(lines.get(i));
            String next = i + 1 < lines.size() && isShortPlain(lines.get(i + 1)) ? name(lines.get(i + 1)) : null;
            if (TableColumns.namesSeq(name) || isRowStart(name) || TableColumns.ROW_NUMBER.matcher(name).matches()) {
                break;
            } else if (next != null && !isRowStart(next) && !TableColumns.ROW_NUMBER.matcher(next).matches()
                    && TableColumns.namesColumn(name + next)
                    && !(TableColumns.namesColumn(name) && TableColumns.namesColumn(next))) {
                names.add(name + next); // 完成 / 时限, 配合 / 单位: a name wrapped in a narrow column
                i += 2;
            } else if (TableColumns.namesColumn(name)) {
                names.add(name);
                i++;
            } else if (name.length() <= LONGEST_OTHER_NAME && !CLAUSE.matcher(name).find()
                    && name.chars().noneMatch(Character::isDigit)) {
                names.add(name);
                othersNamed = true;
                i++;
            } else {
                break;
            }
        }
        if (names.size() < 3 || othersNamed && (i >= lines.size() || !isRowStart(name(lines.get(i)))
                && !(again && TableColumns.ROW_NUMBER.matcher(name(lines.get(i))).matches()))) {
            return Optional.empty();
        }
        int next = i;
        return TableColumns.of(names).filter(LineCellTable::textBeforeUnits).map(columns -> new Header(List.copyOf(names),
                columns, first.start(), lines.get(next - 1).end(), first.number(), next));
    }

    /** A first row's number (1, 一) or a chapter line. */
    private static boolean isRowStart(String name) {
        return name.matches("^1[.．、]?$") || TabTableReader.CHINESE_ROW_NUMBER.matcher(name).matches()
                || TabTableReader.CHAPTER.matcher(name).matches();
    }

    private static boolean isShortPlain(CleanDocument.Line line) {
        return line.text().indexOf('\t') < 0 && line.text().indexOf('|') < 0 && name(line).length() <= LONGEST_COLUMN_NAME;
    }

    private static String name(CleanDocument.Line line) {
        return line.view().replaceAll("[\\s\\u3000]+", "");
    }

    /** The layout read here: the number first, the task's text (and its category) before the units and the deadline. */
    private static boolean textBeforeUnits(TableColumns columns) {
        int firstAfterText = columns.units();
        for (int column : new int[] {columns.responsible(), columns.participants(), columns.deadline()}) {
            if (column != TableColumns.NONE) {
                firstAfterText = Math.min(firstAfterText, column);
            }
        }
        return columns.seq() < columns.content() && columns.content() < firstAfterText
                && (columns.category() == TableColumns.NONE || columns.category() < columns.content());
    }

    private static List<TabTableReader.Row> rows(List<CleanDocument.Line> lines, Header first, List<String> warnings) {
        List<TabTableReader.Row> rows = new ArrayList<>();
        rows.add(first.row());
        Header header = first;
        List<String> unclear = new ArrayList<>();
        OpenRow open = new OpenRow();
        List<String> continued = new ArrayList<>();
        int expected = 1;
        boolean mayRestart = false;
        int i = first.next();
        while (i < lines.size()) {
            CleanDocument.Line line = lines.get(i);
            String text = line.text().strip();
            if (END.matcher(line.view().strip()).find()) {
                break;
            }
            Optional<Header> again = header(lines, i, true);
            if (again.isPresent()) {
                if (!again.get().names().equals(header.names())) {
                    // the header of a next table: its columns from here on, its rows numbered from 1
                    open.close(header.columns(), rows, unclear, continued);
                    rows.add(again.get().row());
                    header = again.get();
                    mayRestart = true;
                } else {
                    open.pageBreak(); // the same header after a page break: the row it interrupted goes on below it
                }
                i = again.get().next();
                continue;
            }
            Matcher number = TableColumns.ROW_NUMBER.matcher(text);
            Matcher part = TableColumns.SUB_ROW_NUMBER.matcher(TableColumns.Seq.of(text).number()); // 2.1, 2-1
            boolean pageNumber = i + 1 < lines.size() && header(lines, i + 1, true).isPresent()
                    || number.matches() && numberedAgainBeforeNext(lines, i, Integer.parseInt(number.group(1)));
            boolean numbered = !pageNumber && number.matches() && (Integer.parseInt(number.group(1)) == expected
                    || mayRestart && number.group(1).equals("1"));
            if (numbered || part.matches() && Integer.parseInt(part.group(1)) == expected - 1
                    || TabTableReader.CHINESE_ROW_NUMBER.matcher(text).matches()) {
                open.close(header.columns(), rows, unclear, continued);
                open.lines.add(line);
                if (numbered) {
                    expected = Integer.parseInt(number.group(1)) + 1;
                }
                mayRestart = !numbered && !part.matches();
            } else if (TabTableReader.CHAPTER.matcher(text).matches()) {
                open.close(header.columns(), rows, unclear, continued);
                rows.add(new TabTableReader.Row(List.of(text), line.start(), line.end(), line.number(), true));
                mayRestart = true;
            } else if (!TabTableReader.PAGE_FURNITURE.matcher(text).matches() && !open.lines.isEmpty()) {
                open.lines.add(line); // a bare number out of order is a page number, not text
            }
            i++;
        }
        open.close(header.columns(), rows, unclear, continued);
        warnings.add("the task table has one cell per line (text copied from a PDF): each row's cells were told apart by"
                + " what they hold (text, units, deadline); check the categories and units");
        if (!continued.isEmpty()) {
            warnings.add("table rows " + String.join(", ", continued) + " go on below the header repeated after a page"
                    + " break: the lines there joined to the cells they read as (units, deadline, else the text)");
        }
        if (!unclear.isEmpty()) {
            warnings.add("table rows " + String.join("; ", unclear) + " list more units than the table has units columns:"
                    + " the first read as the first column's, the rest as the last column's");
        }
        return rows;
    }

    /**
     * Whether the number on line {@code at} comes again before the number after it: the first was a page's number (a
     * page ending inside row 4 is numbered 5, and row 5 follows).
     */
    private static boolean numberedAgainBeforeNext(List<CleanDocument.Line> lines, int at, int number) {
        String same = Integer.toString(number);
        String next = Integer.toString(number + 1);
        for (int i = at + 1; i < Math.min(lines.size(), at + LOOK_AHEAD); i++) {
            Matcher row = TableColumns.ROW_NUMBER.matcher(lines.get(i).text().strip());
            if (row.matches() && (row.group(1).equals(same) || row.group(1).equals(next))) {
                return row.group(1).equals(same);
            }
        }
        return false;
    }

    /** The row being read: its number line, then its cells' lines; where a page break came, if one did. */
    private static final class OpenRow {

        final List<CleanDocument.Line> lines = new ArrayList<>();
        private int pageBreak = -1;

        void pageBreak() {
            if (!lines.isEmpty() && pageBreak < 0) {
                pageBreak = lines.size();
            }
        }

        /**
         * The row's cells added to the rows, and the row emptied. Lines after a page break continue the cells above it
         * when those already hold units or a deadline (a PDF prints each cell's rest on the next page): a line of units
         * the units, a deadline the deadline, any other the text; otherwise the row's lines are read as one.
         */
        void close(TableColumns columns, List<TabTableReader.Row> rows, List<String> unclear, List<String> continued) {
            if (lines.isEmpty()) {
                return;
            }
            String number = lines.get(0).text().strip();
            List<String> texts = lines.subList(1, lines.size()).stream().map(l -> l.text().strip()).toList();
            List<String> cells = null;
            if (pageBreak > 1 && pageBreak < lines.size()) {
                List<String> above = cells(number, texts.subList(0, pageBreak - 1), columns, new ArrayList<>());
                if (holdsUnitsOrDeadline(above, columns)) {
                    cells = new ArrayList<>(above);
                    for (String text : texts.subList(pageBreak - 1, texts.size())) {
                        continueCell(cells, text, columns);
                    }
                    continued.add(number);
                }
            }
            if (cells == null) {
                cells = cells(number, texts, columns, unclear);
            }
            rows.add(new TabTableReader.Row(cells, lines.get(0).start(), lines.get(lines.size() - 1).end(),
                    lines.get(0).number(), false));
            lines.clear();
            pageBreak = -1;
        }
    }

    private static boolean holdsUnitsOrDeadline(List<String> cells, TableColumns columns) {
        return columns.deadline() != TableColumns.NONE && !cells.get(columns.deadline()).isEmpty()
                || !cells.get(columns.units()).isEmpty();
    }

    /** A line below a page break added to the cell it reads as: the units, the deadline, else the text. */
    private static void continueCell(List<String> cells, String text, TableColumns columns) {
        int column = columns.content();
        if (isUnits(text)) {
            column = columns.units();
            for (int c = 0; c < columns.size(); c++) {
                if (isUnitsColumn(c, columns) && !cells.get(c).isEmpty()) {
                    column = c; // the last units cell filled
                }
            }
        } else if (columns.deadline() != TableColumns.NONE && isDeadline(text)) {
            column = columns.deadline();
        }
        String cell = cells.get(column);
        cells.set(column, cell.isEmpty() ? text : column == columns.content() ? TabTableReader.Row.wrapped(cell, text)
                : SEPARATOR_AT_END.matcher(cell).find() || column == columns.deadline() || !endsWithName(cell) ? cell + text
                : cell + "、" + text);
    }

    /** The row's cells in the header's columns, read from its lines by what they hold, from the end back. */
    static List<String> cells(String number, List<String> texts, TableColumns columns, List<String> unclear) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            cells.add("");
        }
        cells.set(columns.seq(), number);
        int end = texts.size();
        boolean unitsRead = false;
        for (int c = columns.size() - 1; c > columns.content(); c--) {
            if (c == columns.deadline()) {
                end = readDeadline(texts, end, cells, c);
            } else if (isUnitsColumn(c, columns)) {
                if (!unitsRead) {
                    end = readUnits(texts, end, columns, cells, number, unclear);
                    unitsRead = true;
                }
            } else if (c < columns.units() && columns.isPersons(c)) {
                // a person named before the units (牵头市领导 | 责任单位): the short line above them
                if (end > 1 && PERSONS_CELL.matcher(HanView.of(texts.get(end - 1))).matches()) {
                    cells.set(c, texts.get(--end));
                }
            } else {
                end = readAside(texts, end, cells, c, c > columns.deadline() && columns.deadline() != TableColumns.NONE);
            }
        }
        int start = readCategory(texts, end, cells, columns);
        String content = "";
        for (String text : texts.subList(start, end)) {
            content = content.isEmpty() ? text : TabTableReader.Row.wrapped(content, text);
        }
        cells.set(columns.content(), content);
        return cells;
    }

    /** The deadline cell: the last lines that read as one (2024年 / 12月底 / 前), or a dash for none. */
    private static int readDeadline(List<String> texts, int end, List<String> cells, int column) {
        if (end > 1 && TableColumns.NO_UNITS.matcher(texts.get(end - 1)).matches()) {
            return end - 1;
        }
        for (int lines = Math.min(DEADLINE_LINES, end - 1); lines >= 1; lines--) {
            List<String> cell = texts.subList(end - lines, end);
            boolean pieces = cell.subList(0, lines - 1).stream().allMatch(t -> DEADLINE_PIECE.matcher(HanView.of(t)).matches()
                    || SEPARATOR_AT_END.matcher(t).find() && isDeadline(t.substring(0, t.length() - 1)));
            if (pieces && isDeadline(String.join("", cell))) {
                cells.set(column, String.join("", cell));
                return end - lines;
            }
        }
        return end;
    }

    /**
     * A remark or a person's cell after the units or the deadline: the last lines up to the units or deadline cell
     * before them. A remark that reads like a deadline (每季度调度) is one when a deadline comes before it.
     */
    private static int readAside(List<String> texts, int end, List<String> cells, int column, boolean afterDeadline) {
        if (afterDeadline && end > 2 && isDeadline(texts.get(end - 1)) && isDeadline(texts.get(end - 2))) {
            cells.set(column, texts.get(end - 1));
            return end - 1;
        }
        for (int lines = 1; lines <= ASIDE_LINES && end - lines > 1; lines++) {
            String last = texts.get(end - lines);
            if (isUnits(last) || isDeadline(last)) {
                return end;
            }
            String before = texts.get(end - lines - 1);
            if (isUnits(before) || isDeadline(before) || endsUnits(before)) {
                List<String> cell = texts.subList(end - lines, end);
                // names one per line (陈立新 / 黄海波) are a list; a remark's text wraps
                boolean names = cell.size() > 1 && cell.stream().allMatch(t -> t.length() <= PERSON_NAME);
                String text = cell.get(0);
                for (String line : cell.subList(1, cell.size())) {
                    text = names ? text + "、" + line : TabTableReader.Row.wrapped(text, line);
                }
                cells.set(column, text);
                return end - lines;
            }
        }
        return end;
    }

    /** Whether a line ends with a unit's whole name after a separator, as a units cell's last line does. */
    private static boolean endsUnits(String line) {
        String[] pieces = SEPARATOR_AT_END.matcher(line).find() ? new String[0] : CLAUSE_BREAK.split(line.replace('、', '，'));
        return pieces.length > 1 && isUnits(pieces[pieces.length - 1]);
    }

    /**
     * The category cell, where the table has one: the first line (or two) when narrower than the line after it; answers
     * where the task's text starts.
     */
    private static int readCategory(List<String> texts, int end, List<String> cells, TableColumns columns) {
        if (columns.category() == TableColumns.NONE) {
            return 0;
        }
        for (int lines = 2; lines >= 1; lines--) {
            if (end <= lines) {
                continue;
            }
            List<String> category = texts.subList(0, lines);
            int widest = category.stream().mapToInt(LineCellTable::width).max().orElse(0);
            if (category.stream().noneMatch(t -> CLAUSE.matcher(t).find()) && widest * 4 <= width(texts.get(lines)) * 3
                    && width(category.get(0)) >= width(category.get(lines - 1))
                    && String.join("", category).length() <= 20) {
                cells.set(columns.category(), String.join("", category));
                return lines;
            }
        }
        return 0;
    }

    /** How wide a line prints: a Chinese character or a full-width sign twice a Latin letter or digit. */
    static int width(String text) {
        return text.codePoints().map(c -> c < 0x2E80 ? 1 : 2).sum();
    }

    private static boolean isUnitsColumn(int column, TableColumns columns) {
        return column == columns.units() || column == columns.responsible() || column == columns.participants();
    }

    /**
     * The units cells: the most lines before {@code end} that read as units' names (the task's first line always stays
     * its text, and the line before them must not go on into them), cut into cells where a line ends with a whole
     * name and the next starts one, spread over the units columns in their order; answers where the units start.
     */
    private static int readUnits(List<String> texts, int end, TableColumns columns, List<String> cells, String number,
            List<String> unclear) {
        List<String> found = List.of();
        int at = end;
        for (int start = end - 1; start >= Math.max(1, end - UNIT_LINES); start--) {
            String before = texts.get(start - 1);
            if (GOES_ON.matcher(before).find()
                    || !NAME_START.matcher(HanView.of(texts.get(start))).lookingAt() && !SENTENCE_END.matcher(before).find()) {
                continue; // the text goes on into this line, or this line starts no name after a text that did not end
            }
            List<String> names = unitCells(texts.subList(start, end));
            if (!names.isEmpty()) {
                found = names;
                at = start;
            }
        }
        List<Integer> unitColumns = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (isUnitsColumn(c, columns)) {
                unitColumns.add(c);
            }
        }
        for (int k = 0; k < found.size() && k < unitColumns.size(); k++) {
            cells.set(unitColumns.get(k), found.get(k));
        }
        if (found.size() > unitColumns.size()) {
            int last = unitColumns.get(unitColumns.size() - 1);
            cells.set(last, String.join("、", found.subList(unitColumns.size() - 1, found.size())));
            if (unitColumns.size() > 1) {
                String text = texts.get(0);
                unclear.add(number + " (" + (text.length() > 12 ? text.substring(0, 12) + "…" : text) + ")");
            }
        }
        return at;
    }

    /**
     * The lines as units cells, each a list of whole names; none when any is not. A cell wrapped over lines starts as a
     * name does (王卫平 / 市发展改革委 are a person and a unit, not one name).
     */
    private static List<String> unitCells(List<String> lines) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder(lines.get(0));
        boolean wrapped = false; // whether the cell has taken the line below its first
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean list = SEPARATOR_AT_END.matcher(cell).find(); // 省教育厅、 / 省财政厅
            if (!list && endsWithName(cell.toString()) && startsWithName(line)) {
                cells.add(cell.toString());
                cell = new StringBuilder(line);
                wrapped = false;
            } else if (!wrapped && !list && !NAME_START.matcher(HanView.of(cell.toString())).lookingAt()) {
                return List.of();
            } else {
                cell.append(line); // 市人力资源 / 社会保障局: one name wrapped
                wrapped = true;
            }
        }
        cells.add(cell.toString());
        return cells.stream().allMatch(LineCellTable::isUnits) ? cells : List.of();
    }

    private static boolean endsWithName(String text) {
        String[] pieces = text.replace('、', '，').split("[，,；;]");
        return pieces.length > 0 && isUnits(pieces[pieces.length - 1]);
    }

    /** Whether a text opens with work to do, as a task's does (推进, 建立, 全面 …). */
    static boolean startsWork(String text) {
        return WORK_START.matcher(text).lookingAt();
    }

    /** Whether a name opens as a unit's does: with its level, 各, 有关, or a national body's name. */
    static boolean startsAName(String name) {
        return NAME_START.matcher(name).lookingAt();
    }

    private static boolean startsWithName(String text) {
        String[] pieces = text.replace('、', '，').split("[，,；;]");
        return pieces.length > 0 && isUnits(pieces[0]);
    }

    /** Each clause of the text a deadline (2024年6月底前启动，12月底前见效); a placeholder is none. */
    private static boolean isDeadline(String text) {
        String view = HanView.of(text).strip();
        if (view.isEmpty()) {
            return false;
        }
        String[] clauses = CLAUSE_BREAK.split(view);
        if (clauses.length > DEADLINE_LINES) {
            return false;
        }
        for (String clause : clauses) {
            if (!DEADLINE_CLAUSE.matcher(clause.strip()).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A line of units' names, each as long as a unit's name is: two characters only with its level (市委, not the 中心
     * of a wrapped 实训中心), no longer than {@link #LONGEST_UNIT_NAME}, and not opening with work to do.
     */
    private static boolean isUnits(String text) {
        return !NOT_IN_A_NAME.matcher(text).find() && UnitList.isUnitList(text) && UnitSplitter.split(text).stream().map(m -> HanView.of(m.rawName()))
                .allMatch(name -> name.length() <= LONGEST_UNIT_NAME && !WORK_START.matcher(name).lookingAt()
                        && (name.length() > 2 || NAME_START.matcher(name).lookingAt()));
    }
}
