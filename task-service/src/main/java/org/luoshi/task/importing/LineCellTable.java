package org.luoshi.task.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task table as text copied out of a PDF: no tab and no bar anywhere, every cell on a line of its own, a long cell
 * wrapped over several lines, an empty cell left out altogether. The header is the 序号 line and the column names on
 * the lines after it (序号, 重点任务, 牵头单位, 配合单位, 完成时限); each row starts with its number on a line of its own,
 * the next one in order (or 1 again after a chapter or a header: a next table). A row's lines are turned into the cells
 * {@link TabTableReader} reads by what they hold rather than by their count: from the row's end back, the deadline,
 * then the names of units (a name wrapped over two lines joined again), and what is left before them is the task's
 * text. Where a table has a category column, the row's first line is its category when it is shorter than the next
 * line (a wrapped text's first line is as wide as its cell; a category is short), and blank otherwise ("same as the row
 * above"). A chapter line ({@code 一、…}) between rows, a page number and the header repeated after a page break are
 * read as in a tab table.
 */
final class LineCellTable {

    /** A column name on a line of its own, spaces removed. */
    private static final int LONGEST_COLUMN_NAME = 12;
    /** Longer names in a units cell are more likely a task's text wrapped onto a line of its own. */
    private static final int LONGEST_UNIT_NAME = 16;
    private static final int LONGEST_CATEGORY = 20;
    /** A deadline cell: a year and a few words around it, or a standing or periodic timing; no clause. */
    private static final Pattern DEADLINE_CELL = Pattern.compile("^(?:[^，,；;。]{0,8}\\d{4}[^，,；;。]{0,16}"
            + "|(?:长期|持续|常态化|逐年|每年|每季度|每月|全年|年内|年底|上半年|下半年|[一二三四]季度|\\d{1,2}月)[^，,；;。]{0,8})$");
    /** A chapter between rows (a merged row across the table): 一、…, （二）…. */
    private static final Pattern CHAPTER = Pattern.compile("^(?:[一二三四五六七八九十]{1,3}[、.．]|（[一二三四五六七八九十]{1,3}）)\\S.{1,40}$");
    /** A row numbered 一 whose text is on the next line: a chapter row, or a task when it names units. */
    private static final Pattern CHINESE_ROW_NUMBER = Pattern.compile("^[一二三四五六七八九十]{1,3}[、.．]?$");
    private static final Pattern PAGE_FURNITURE = Pattern.compile(
            "^(?:[-—–－_ ]+\\d{1,4}[-—–－_ ]+|第\\s*\\d{1,4}\\s*页(?:\\s*[，,/]?\\s*共\\s*\\d{1,4}\\s*页)?|续表\\s*\\d*|续上表|[（(]续[）)])$");
    /** What follows an annex in a printed document (its distribution and printing lines) or a next annex. */
    private static final Pattern END = Pattern.compile("^(?:抄送|主送|抄报)[:：]|印发$|^附件\\s*\\d*\\s*[:：]?$");
    /** A deadline cell's first line when it wraps after the year: 2024年 / 10月底前. */
    private static final Pattern YEAR = Pattern.compile("^\\d{4}年?(?:\\d{1,2}月)?$");
    private static final Pattern CLAUSE = Pattern.compile("[，,。；;：:]");
    /** How a unit's name starts (a level, a group, the nation): a line starting so is no wrapped name's end. */
    private static final Pattern NAME_START = Pattern.compile("省|市|县|区|州|自治|各|有关|国家|国务院|中国|中共|共青团|团");
    private static final Pattern SEPARATOR_AT_END = Pattern.compile("[、，,]$");

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

    /** The header starting at line {@code at}: 序号 and the column names below it, a name wrapped in two joined. */
    private static Optional<Header> header(List<CleanDocument.Line> lines, int at) {
        CleanDocument.Line first = lines.get(at);
        if (first.view().length() > 2 * LONGEST_COLUMN_NAME
                || first.view().indexOf("序号") < 0 && first.view().indexOf("编号") < 0 // most lines, told cheaply
                || !isShortPlain(first) || !TableColumns.namesSeq(name(first))) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>(List.of(name(first)));
        int i = at + 1;
        while (i < lines.size() && isShortPlain(lines.get(i))) {
            String name = name(lines.get(i));
            if (TableColumns.namesColumn(name) && !TableColumns.namesSeq(name)) {
                names.add(name);
                i++;
            } else if (i + 1 < lines.size() && isShortPlain(lines.get(i + 1))
                    && TableColumns.namesColumn(name + name(lines.get(i + 1)))) {
                names.add(name + name(lines.get(i + 1))); // 完成 / 时限: a name wrapped in a narrow column
                i += 2;
            } else {
                break;
            }
        }
        if (names.size() < 3) {
            return Optional.empty();
        }
        int next = i;
        return TableColumns.of(names).filter(LineCellTable::textBeforeUnits).map(columns -> new Header(List.copyOf(names),
                columns, first.start(), lines.get(next - 1).end(), first.number(), next));
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
        TableColumns columns = first.columns();
        List<String> unclear = new ArrayList<>();
        List<CleanDocument.Line> open = new ArrayList<>(); // the row being read: its number line, then its cells' lines
        int expected = 1;
        boolean mayRestart = false;
        int i = first.next();
        while (i < lines.size()) {
            CleanDocument.Line line = lines.get(i);
            String text = line.text().strip();
            if (END.matcher(line.view().strip()).find()) {
                break;
            }
            Optional<Header> again = header(lines, i);
            if (again.isPresent()) {
                // after a page break, or the header of a next table: its columns from here on
                close(open, columns, rows, unclear);
                rows.add(again.get().row());
                columns = again.get().columns();
                mayRestart = true; // a next table's rows are numbered from 1; after a page break the numbers go on
                i = again.get().next();
                continue;
            }
            Matcher number = TableColumns.ROW_NUMBER.matcher(text);
            Matcher part = TableColumns.SUB_ROW_NUMBER.matcher(TableColumns.Seq.of(text).number()); // 2.1, 2-1
            boolean numbered = number.matches() && (Integer.parseInt(number.group(1)) == expected
                    || mayRestart && number.group(1).equals("1"));
            if (numbered || part.matches() && Integer.parseInt(part.group(1)) == expected - 1
                    || CHINESE_ROW_NUMBER.matcher(text).matches()) {
                close(open, columns, rows, unclear);
                open.add(line);
                if (numbered) {
                    expected = Integer.parseInt(number.group(1)) + 1;
                }
                mayRestart = !numbered && !part.matches();
            } else if (CHAPTER.matcher(text).matches()) {
                close(open, columns, rows, unclear);
                rows.add(new TabTableReader.Row(List.of(text), line.start(), line.end(), line.number(), true));
                mayRestart = true;
            } else if (!PAGE_FURNITURE.matcher(text).matches() && !open.isEmpty()) {
                open.add(line);
            }
            i++;
        }
        close(open, columns, rows, unclear);
        warnings.add("the task table has one cell per line (text copied from a PDF): each row's cells were told apart by"
                + " what they hold");
        if (!unclear.isEmpty()) {
            warnings.add("table rows " + String.join("; ", unclear) + " list more units than the table has units columns:"
                    + " the first read as the first column's, the rest as the last column's");
        }
        return rows;
    }

    /** The open row's cells added to the rows, and the open row emptied. */
    private static void close(List<CleanDocument.Line> open, TableColumns columns, List<TabTableReader.Row> rows,
            List<String> unclear) {
        if (open.isEmpty()) {
            return;
        }
        String number = open.get(0).text().strip();
        List<String> texts = open.subList(1, open.size()).stream().map(l -> l.text().strip()).toList();
        rows.add(new TabTableReader.Row(cells(number, texts, columns, unclear), open.get(0).start(),
                open.get(open.size() - 1).end(), open.get(0).number(), false));
        open.clear();
    }

    /** The row's cells in the header's columns, read from its lines by what they hold. */
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
                if (end > 2 && (texts.get(end - 1).length() <= 4 || YEAR.matcher(texts.get(end - 2)).matches())
                        && isDeadline(texts.get(end - 2) + texts.get(end - 1))) {
                    cells.set(c, texts.get(end - 2) + texts.get(end - 1)); // 2024年6月底 / 前, 2024年 / 10月底前
                    end -= 2;
                } else if (end > 1 && isDeadline(texts.get(end - 1))) {
                    cells.set(c, texts.get(--end));
                }
            } else if (isUnitsColumn(c, columns)) {
                if (!unitsRead) {
                    end = readUnits(texts, end, columns, cells, number, unclear);
                    unitsRead = true;
                }
            } else if (end > 2 && !isUnits(texts.get(end - 1)) && !isDeadline(texts.get(end - 1))
                    && (isUnits(texts.get(end - 2)) || isDeadline(texts.get(end - 2)))) {
                cells.set(c, texts.get(--end)); // a remark or a person after the units or the deadline
            }
        }
        int start = 0;
        if (columns.category() != TableColumns.NONE && end >= 2 && texts.get(0).length() < texts.get(1).length()
                && texts.get(0).length() <= LONGEST_CATEGORY && !CLAUSE.matcher(texts.get(0)).find()) {
            cells.set(columns.category(), texts.get(0));
            start = 1;
        }
        String content = "";
        for (String text : texts.subList(start, end)) {
            content = content.isEmpty() ? text : TabTableReader.Row.wrapped(content, text);
        }
        cells.set(columns.content(), content);
        return cells;
    }

    private static boolean isUnitsColumn(int column, TableColumns columns) {
        return column == columns.units() || column == columns.responsible() || column == columns.participants();
    }

    /**
     * The units cells, from the lines before {@code end} that name units (the task's first line always stays its
     * text), spread over the units columns in their order; answers where the units start.
     */
    private static int readUnits(List<String> texts, int end, TableColumns columns, List<String> cells, String number,
            List<String> unclear) {
        List<String> names = new ArrayList<>(); // a units cell's text per entry, in order
        int at = end;
        while (at > 1) {
            String line = texts.get(at - 1);
            if (!names.isEmpty() && SEPARATOR_AT_END.matcher(line).find() && isUnits(line + names.get(0))) {
                names.set(0, line + names.get(0)); // a list wrapped after its 、
            } else if (isUnits(line)) {
                names.add(0, line);
            } else if (!names.isEmpty() && !NAME_START.matcher(names.get(0)).lookingAt() && isUnits(line + names.get(0))) {
                names.set(0, line + names.get(0)); // 市人力资源 / 社会保障局: a name wrapped in a narrow column
            } else {
                break;
            }
            at--;
        }
        List<Integer> unitColumns = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (isUnitsColumn(c, columns)) {
                unitColumns.add(c);
            }
        }
        for (int k = 0; k < names.size() && k < unitColumns.size(); k++) {
            cells.set(unitColumns.get(k), names.get(k));
        }
        if (names.size() > unitColumns.size()) {
            int last = unitColumns.get(unitColumns.size() - 1);
            cells.set(last, String.join("、", names.subList(unitColumns.size() - 1, names.size())));
            if (unitColumns.size() > 1) {
                String text = texts.get(0);
                unclear.add(number + " (" + (text.length() > 12 ? text.substring(0, 12) + "…" : text) + ")");
            }
        }
        return at;
    }

    private static boolean isDeadline(String text) {
        return DEADLINE_CELL.matcher(HanView.of(text)).matches();
    }

    /**
     * A line of units' names, each as long as a unit's name is: two characters only with its level (市委, not the 中心
     * of a wrapped 实训中心), and no longer than {@link #LONGEST_UNIT_NAME}.
     */
    private static boolean isUnits(String text) {
        return UnitList.isUnitList(text) && UnitSplitter.split(text).stream().map(m -> HanView.of(m.rawName()))
                .allMatch(name -> name.length() <= LONGEST_UNIT_NAME && (name.length() > 2 || NAME_START.matcher(name).lookingAt()));
    }
}
