package org.luoshi.task.importing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a task table whose cells are separated by tabs: either one row per line ({@code 1\t类别\t内容\t单位}) or one
 * cell per line, each line starting with a tab, rows separated by blank lines. The header row (序号 … 责任单位)
 * says which column is which; a blank category cell means "same as the row above", and a category repeated after a
 * page break simply continues. In a table without a category column, a chapter heading ({@code 一、…}) on a line of
 * its own, in a row of one cell or in a row numbered 一, 二 … without units is the category of the rows below it. A deadline column dates the row's task. A
 * header may take two rows, the lower naming the columns under a merged cell ({@code 责任单位} over {@code 牵头单位}
 * and {@code 配合单位}). A header repeated after a page break is passed over; a different header starts a next table,
 * read by its own columns. Numbering that starts again at 1 is a next table: its rows are numbered {@code 2.1},
 * {@code 2.2} …, and the lines before its header are its caption; a header that names no units (a contact list:
 * 序号 | 单位 | 姓名) ends the tasks. A chapter ({@code 一、…}, {@code （二）…}, or a row numbered 一 whose units cell is
 * blank or a dash) is the category of the rows below whose own category cell is blank. Rows numbered {@code 1.1},
 * {@code 1.2} under row 1 are its sub-tasks. Page numbers and 续表 captions between rows are no text of them. A cell whose text wraps onto the next
 * lines (a row copied from Word or a PDF: {@code 1\t整合办学资源，} then {@code 建成示范校5所。\t市教育局\t2021年底前})
 * is joined back into its row, as long as the row lacks cells. A table without any tab (a PDF's text, one cell per line)
 * is first turned into such rows by {@link LineCellTable}, or, laid out with spaces, by {@link AlignedTable}.
 */
final class TabTableReader {

    /** A 序号 written in Chinese numerals (一, 二、): a chapter row, or a task when the row names units. */
    static final Pattern CHINESE_ROW_NUMBER = Pattern.compile("^([一二三四五六七八九十]{1,3})[、.．]?$");
    static final Pattern CHAPTER = Pattern.compile("^(?:[一二三四五六七八九十]{1,3}[、.．]|（[一二三四五六七八九十]{1,3}）)(\\S.{1,40})$");
    /** A row of notes under the table (注：…, 说明：…, 合计), no part of a task. */
    private static final Pattern NOTE = Pattern.compile("(?:注|说明|备注|附注)\\s*\\d*\\s*[:：]|合计|小计|总计");
    /** A units cell that names none: blank, a dash, a slash, 无. */
    private static final Pattern PLACEHOLDER = Pattern.compile("^[\\s—–\\-－/／无]*$");
    /**
     * What a printed table carries between its rows at a page break: a page number ({@code — 5 —}, {@code -5-},
     * {@code 第7页}, {@code 第7页 共12页}) or the caption of its continuation ({@code 续表}, {@code （续）}): no row's text.
     */
    static final Pattern PAGE_FURNITURE = Pattern.compile(
            "^(?:[-—–－_ ]*\\d{1,4}[-—–－_ ]*|" + TextCleaner.PAGE_OF_PAGES + "|续表\\s*\\d*|续上表|[（(]续[）)]"
                    // a running header: the document's number alone (长政办函〔2025〕36号)
                    + "|\\S{1,12}[〔\\[［(（]\\s*\\d{4}\\s*[〕\\]］)）]\\s*\\d{1,4}\\s*号)$");

    /** A row: its cells and the stretch of cleaned text it spans; a bare row is a line without any tab. */
    record Row(List<String> cells, int start, int end, int line, boolean bare) {

        /** The row with a row split from it by a page break, each cell going on in its own column. */
        Row goingOnIn(Row next) {
            List<String> joined = new ArrayList<>(cells);
            for (int i = 0; i < next.cells().size(); i++) {
                String more = next.cells().get(i);
                if (i >= joined.size()) {
                    joined.add(more);
                } else if (!more.isBlank()) {
                    joined.set(i, wrapped(joined.get(i), more));
                }
            }
            return new Row(joined, start, next.end(), line, false);
        }

        /** This row with {@code next} continuing its last cell. */
        Row continuedBy(Row next) {
            List<String> joined = new ArrayList<>(cells);
            joined.set(joined.size() - 1, wrapped(joined.get(joined.size() - 1), next.cells().get(0)));
            joined.addAll(next.cells().subList(1, next.cells().size()));
            return new Row(joined, start, next.end(), line, false);
        }

        /**
         * A line break inside a cell: nothing between Chinese text, a space between words, a 、 between units' names
         * (a cell listing one unit per line).
         */
        static String wrapped(String before, String after) {
            String a = before.stripTrailing();
            String b = after.stripLeading();
            if (TextCleaner.isUnitGap(a, b)) {
                return a + "、" + b;
            }
            boolean words = !a.isEmpty() && !b.isEmpty() && Character.isLetterOrDigit(a.charAt(a.length() - 1))
                    && a.charAt(a.length() - 1) < 0x80 && Character.isLetterOrDigit(b.charAt(0)) && b.charAt(0) < 0x80;
            return words ? a + " " + b : a + b;
        }

        /** As much of a cell's text before a line break as {@link #wrapped} reads. */
        private static final int WRAP_TAIL = 16;

        /** {@link #wrapped} into a cell being built, without copying all of it. */
        static void wrapInto(StringBuilder cell, String after) {
            int tail = Math.max(0, cell.length() - WRAP_TAIL);
            String joined = wrapped(cell.substring(tail), after);
            cell.setLength(tail);
            cell.append(joined);
        }
    }

    private TabTableReader() {
    }

    /** The tasks, when the document has a tab-separated task table. */
    static Optional<List<ParsedTask>> read(CleanDocument document, List<String> warnings) {
        return read(document, rows(document), warnings);
    }

    /**
     * The tasks of a tab-separated table without a 序号 column (任务 | 责任单位), its rows numbered in their order: read
     * only when the document holds no other tasks (a table, an annex or numbered paragraphs come first).
     */
    static Optional<List<ParsedTask>> readUnnumbered(CleanDocument document, List<String> warnings) {
        List<Row> rows = rows(document);
        int unnumbered = unnumberedHeader(rows);
        if (unnumbered < 0) {
            return Optional.empty();
        }
        List<String> tableWarnings = new ArrayList<>(List.of("the task table has no 序号 column: its rows are numbered in their order"));
        Optional<List<ParsedTask>> tasks = read(document, numbered(rows, unnumbered), tableWarnings);
        tasks.ifPresent(found -> warnings.addAll(tableWarnings));
        return tasks;
    }

    private static Optional<List<ParsedTask>> read(CleanDocument document, List<Row> tableRows, List<String> warnings) {
        List<Row> rows = tableRows;
        int header = header(rows);
        boolean tabbed = header >= 0; // cells apart by tabs, as a Word or spreadsheet table copies
        if (header < 0) {
            // no tab anywhere in the table: a PDF's text, one cell per line
            List<String> lineCellWarnings = new ArrayList<>();
            rows = LineCellTable.rows(document, lineCellWarnings);
            header = header(rows);
            if (header < 0) {
                // or its layout kept with spaces
                lineCellWarnings.clear();
                rows = AlignedTable.rows(document, lineCellWarnings);
                header = header(rows);
            }
            if (header < 0) {
                return Optional.empty();
            }
            warnings.addAll(lineCellWarnings);
        }
        TableColumns columns = TableColumns.of(rows.get(header).cells().stream().map(HanView::of).toList()).orElseThrow();
        int firstRow = header + 1;
        if (firstRow < rows.size()) {
            Optional<TableColumns> twoRows = subHeader(rows.get(header).cells(), rows.get(firstRow).cells());
            if (twoRows.isPresent()) {
                columns = twoRows.get();
                firstRow++;
            }
        }
        BodyParagraphs body = new BodyParagraphs(document, rows.get(header).line());
        List<ParsedTask> tasks = new ArrayList<>();
        String category = null;
        // the chapter row above (（一）提升景区能级): in a table whose category column names each row's task, the category
        String chapter = null;
        // the 序号 of the last numbered row, whose parts unnumbered rows below it may be, and that number as rows below
        // it are told from it (within its chapter: 一.1)
        String lastNumber = null;
        String lastKey = null;
        List<String> lastHeader = rows.get(header).cells();
        int table = 1;
        Map<String, String> orphans = new LinkedHashMap<>(); // parts (1.1) without their row (1), by number
        String lastUnits = null; // the units of the last row that named any
        List<Row> unwrapped = unwrapped(document, rows.get(header).cells(), rows.subList(firstRow, rows.size()), columns,
                warnings);
        boolean rowNames = namesEachRow(unwrapped, 0, columns);
        for (int r = 0; r < unwrapped.size(); r++) {
            Row row = unwrapped.get(r);
            if (repeatsHeader(row, columns)) {
                // the header again after a page break, or the header of a next table: its columns from here on; the
                // header of a table of something else (联络员名单: 序号 | 单位 | 姓名) ends the tasks
                lastHeader = row.cells();
                lastNumber = null;
                lastKey = null;
                Optional<TableColumns> next = TableColumns.of(lastHeader.stream().map(HanView::of).toList());
                if (next.isEmpty()) {
                    if (r + 1 < unwrapped.size()) {
                        warnings.add("the task table ends at a table whose header (" + String.join(" | ", lastHeader)
                                .strip() + ") names no responsible units: its " + (unwrapped.size() - r - 1)
                                + " row(s) are no tasks");
                    }
                    break;
                }
                if (countsOnly(unwrapped, r + 1, next.get())) {
                    // 序号 | 责任单位 | 牵头任务数 | 配合任务数: a statistics sheet of the tasks above, no tasks of its own
                    warnings.add("the task table ends at a table whose header (" + String.join(" | ", lastHeader).strip()
                            + ") holds numbers where the tasks' text would be: its rows are no tasks");
                    break;
                }
                columns = next.get();
                rowNames = namesEachRow(unwrapped, r + 1, columns);
                continue;
            }
            if (!isNumbered(row, columns) && TableColumns.isSubHeader(row.cells().stream().map(HanView::of).toList())) {
                columns = subHeader(lastHeader, row.cells()).orElse(columns);
                continue; // the lower row of a header that takes two
            }
            List<String> cells = padded(row.cells(), columns.size());
            TableColumns.Seq seqCell = TableColumns.Seq.of(cells.get(columns.seq()));
            Matcher item = ITEM_NUMBER.matcher(seqCell.number());
            // ① or （1） under row 2: its part 2.1, as a row numbered so would be
            String number = item.matches() && lastNumber != null
                    ? lastNumber + "." + (item.group(1) != null ? item.group(1).charAt(0) - '①' + 1 : item.group(2))
                    : seqCell.number();
            Optional<String> heading = heading(row.cells());
            if (heading.isPresent()) {
                // the chapter of the rows below; a row's own category cell still says otherwise
                category = heading.get();
                chapter = heading.get();
                lastNumber = null;
                lastKey = null;
                continue;
            }
            Matcher chapterNumber = CHINESE_ROW_NUMBER.matcher(number);
            if (chapterNumber.matches()) {
                // 一 | 统筹发展 (no units): the chapter of the rows below; with units, a task numbered so
                String text = cells.stream().filter(c -> !c.isBlank() && !c.strip().equals(number)).findFirst().orElse("").strip();
                if (PLACEHOLDER.matcher(columns.units(cells)).matches()) {
                    if (!text.isEmpty()) {
                        category = TaskTexts.trim(text);
                        chapter = category;
                    }
                    lastNumber = null;
                    lastKey = null;
                    continue;
                }
            }
            String seq;
            String parentSeq = null;
            Optional<String> chapterOfRow = Optional.ofNullable(seqCell.chapter());
            String rowKey = seqCell.key();
            Matcher part = TableColumns.SUB_ROW_NUMBER.matcher(number).matches() ? TableColumns.SUB_ROW_NUMBER.matcher(number)
                    : TableColumns.THIRD_LEVEL_NUMBER.matcher(number);
            boolean repeated = lastKey != null && rowKey.equals(lastKey);
            if (part.matches()) {
                // 1.1 under row 1: a sub-task of the row of this table numbered so, with its own units and deadline
                String parent = chapterOfRow.map(c -> c + "." + part.group(1))
                        .orElse(table == 1 ? part.group(1) : table + "." + part.group(1));
                seq = part.group(1) + "." + part.group(2).replace('．', '.');
                if (tasks.stream().noneMatch(t -> t.parentSeq() == null && t.seq().equals(parent))) {
                    // no row to be a part of (the table numbers only parts, its groups merged in a column of their own):
                    // a task of its own rather than none
                    orphans.put(number, part.group(1));
                    if (columns.category() != TableColumns.NONE && !rowNames
                            && !cells.get(columns.category()).isBlank()) {
                        category = withoutChapterNumber(cells.get(columns.category()).strip());
                    }
                } else {
                    parentSeq = parent;
                }
            } else if ((repeated || number.isEmpty()) && lastKey != null && isNote(cells, columns)) {
                // a note under the table (注：…) or an empty row, also under a 序号 cell merged over it
                warnings.add("table row below row " + lastNumber + " is a note, no task: skipped (" + String.join(" | ", cells).strip()
                        + ")");
                continue;
            } else if (repeated || partOfRowAbove(tasks, lastKey, number, cells, columns)) {
                // a row of its own text under a numbered row, with the same number (a 序号 cell merged over several rows)
                // or, naming its units, without one: a part of that row, as 1.1 would be
                ParsedTask above = lastTopLevel(tasks);
                long parts = tasks.stream().filter(t -> above.seq().equals(t.parentSeq())).count();
                seq = lastNumber + "." + (parts + 1);
                parentSeq = above.seq();
                warnings.add("table row below row " + lastNumber + " has no number of its own (a 序号 cell over several rows):"
                        + " read as its part " + seq);
            } else {
                Matcher numbered = chapterNumber.matches() ? chapterNumber : TableColumns.ROW_NUMBER.matcher(number);
                if (!numbered.matches()) {
                    if (cells.stream().anyMatch(c -> !c.isBlank())) {
                        warnings.add("table row skipped (no number in the 序号 column): " + String.join(" | ", cells));
                    }
                    continue;
                }
                if (chapterOfRow.isPresent()) {
                    // 二、1: numbered within its chapter, as prose numbered again under each chapter is (二.1)
                    seq = chapterOfRow.get() + "." + numbered.group(1);
                } else {
                    if (numbered.group(1).equals("1") && tasks.stream().anyMatch(t -> Character.isDigit(t.seq().charAt(0)))) {
                        table++; // numbering starts again: the next table (附件2), whose numbers would repeat the first's
                    }
                    seq = table == 1 ? numbered.group(1) : table + "." + numbered.group(1);
                }
                lastNumber = numbered.group(1);
                lastKey = rowKey;
                if (columns.category() != TableColumns.NONE && !rowNames
                        && !cells.get(columns.category()).isBlank()) {
                    category = withoutChapterNumber(cells.get(columns.category()).strip());
                }
            }
            // under chapter rows, a 重点任务 cell filled on a row of its own is that row's title (重点任务 | 具体措施); a
            // 任务类别 cell stays the category
            String title = null;
            if (chapter != null && columns.categoryNamesTasks() && !cells.get(columns.category()).isBlank()
                    && !cells.get(columns.content()).isBlank()) {
                title = cells.get(columns.category()).strip();
                category = chapter;
            } else if (rowNames && !cells.get(columns.category()).isBlank()) {
                // 项目名称 | 建设内容: the project's name titles its row, its content is what is to be built
                title = cells.get(columns.category()).strip();
            }
            String cell = cells.get(columns.content()).strip();
            String source = document.source(row.start(), row.end());
            if (columns.leadColumn() && cells.get(columns.units()).isBlank() && !columns.units(cells).isBlank()) {
                warnings.add("annex row " + seq + " names no lead unit (its lead units' cell is empty): its other units"
                        + " keep their roles, none leads");
            }
            String deadline = columns.deadline() == TableColumns.NONE ? null : cells.get(columns.deadline());
            String units = columns.units(cells);
            if (tabbed && units.isBlank() && !cell.isEmpty() && deadline != null && !deadline.isBlank() && lastUnits != null) {
                // a copied table's row with its text and deadline but no units, under a row that names them: the units'
                // cell merged over both, which the copy leaves blank below its first row (a blank group row, its deadline
                // blank too, is no such row; a PDF's text prints a merged cell once, anywhere over its rows: not guessed)
                units = lastUnits;
                warnings.add("annex row " + seq + " names no unit: read as those of the row above (a units cell merged"
                        + " over both?)");
            }
            lastUnits = units.isBlank() ? null : units;
            ParsedTask task = AnnexRows.task(seq, category, title, cell, units, deadline, columns.notes(cells), source,
                    body, warnings);
            tasks.add(parentSeq == null ? task : task.under(parentSeq));
        }
        if (orphans.size() == 1) {
            Map.Entry<String, String> orphan = orphans.entrySet().iterator().next();
            warnings.add("table row " + orphan.getKey() + " has no row " + orphan.getValue() + " above it to be a part of:"
                    + " read as a task of its own");
        } else if (!orphans.isEmpty()) {
            warnings.add("table rows " + String.join(", ", orphans.keySet()) + " have no rows "
                    + String.join(", ", new LinkedHashSet<>(orphans.values())) + " above them to be parts of: each read as a"
                    + " task of its own");
        }
        return Optional.of(tasks);
    }

    /** A category cell without the chapter's number it may carry (一、培育壮大优势产业), as a chapter row's has none. */
    private static String withoutChapterNumber(String category) {
        Matcher chapter = CHAPTER.matcher(category);
        return chapter.matches() ? TaskTexts.trim(chapter.group(1)) : category;
    }

    /** Whether a row without a number below a numbered row is a part of it: its own text and units. */
    private static boolean partOfRowAbove(List<ParsedTask> tasks, String lastKey, String number, List<String> cells,
            TableColumns columns) {
        return lastKey != null && lastTopLevel(tasks) != null && number.isEmpty() && !isNote(cells, columns)
                && !PLACEHOLDER.matcher(columns.units(cells)).matches();
    }

    /** A row of notes under a table (注：…, 说明：…, 合计) or without text: no task. */
    private static boolean isNote(List<String> cells, TableColumns columns) {
        String content = cells.get(columns.content()).strip();
        return content.isEmpty() || NOTE.matcher(HanView.of(content)).lookingAt();
    }

    private static ParsedTask lastTopLevel(List<ParsedTask> tasks) {
        for (int i = tasks.size() - 1; i >= 0; i--) {
            if (tasks.get(i).parentSeq() == null) {
                return tasks.get(i);
            }
        }
        return null;
    }

    /**
     * The rows with wrapped cells joined back: a numbered row is continued by the unnumbered rows after it — lines
     * without a tab continue its last cell, a line with tabs continues it and adds its other cells (while the joined
     * row does not exceed the header). Lines without a tab after the table's last row continue it only when its last
     * cell is unfinished (ends with 、 or ，); otherwise they are the text below the table. The joined rows are named in
     * a warning, to be checked.
     */
    private static List<Row> unwrapped(CleanDocument document, List<String> header, List<Row> rows, TableColumns columns,
            List<String> warnings) {
        List<Row> out = new ArrayList<>();
        Row open = null;
        List<Row> bare = new ArrayList<>();
        Set<String> joined = new LinkedHashSet<>();
        int brokenRow = -1; // in out, the row a page broke before its header printed again, while its cells may go on
        for (Row row : rows) {
            if (brokenRow >= 0 && !row.bare() && !repeatsHeader(row, columns)) {
                int at = brokenRow;
                Row broken = out.get(at);
                brokenRow = -1;
                if (goesOnAfterPage(broken, row, columns)) {
                    // the rest of the row the page broke, under the header printed again: its cells go on there
                    out.remove(at);
                    open = broken.goingOnIn(row);
                    joined.add(open.cells().get(columns.seq()).strip());
                    continue;
                }
            }
            if (open != null && bare.isEmpty() && !row.bare() && pageBetween(document, open, row)
                    && goesOnAfterPage(open, row, columns)) {
                // the rest of a row a page broke, past the page's number or 续表
                open = open.goingOnIn(row);
                joined.add(open.cells().get(columns.seq()).strip());
                continue;
            }
            if (open != null && continues(row, columns)) {
                if (row.bare()) {
                    bare.add(row);
                    continue;
                }
                if (open.cells().size() + row.cells().size() - 1 <= columns.size()) {
                    open = joined(open, bare, columns, joined).continuedBy(row);
                    joined.add(open.cells().get(columns.seq()).strip());
                    bare.clear();
                    continue;
                }
            }
            if (open != null && repeatsHeader(row, columns)) {
                // lines before a header are the caption of the table it opens (附件2, its title), not the row above's,
                // unless that row's last cell is unfinished
                out.add(whileUnfinished(open, bare, columns, joined));
                open = null;
                // the same header again: a page broke, maybe inside the row above; another one opens a next table
                brokenRow = row.cells().equals(header) ? out.size() - 1 : -1;
            } else if (open != null) {
                // lines between two rows of the table are inside it: they continue the row above
                out.add(joined(open, bare, columns, joined));
                open = null;
            }
            bare.clear();
            if (row.bare() && heading(row.cells()).isEmpty()) {
                continue;
            }
            if (isNumbered(row, columns)) {
                open = row;
            } else {
                out.add(row);
            }
        }
        if (open != null) {
            // after the last row: the text below the table
            out.add(whileUnfinished(open, bare, columns, joined));
        }
        if (!joined.isEmpty()) {
            warnings.add("table rows " + String.join(", ", joined) + " continue on the lines below them: joined");
        }
        return out;
    }

    /** The row continued by the lines below it while its last cell is unfinished (ends with 、 or ，). */
    private static Row whileUnfinished(Row open, List<Row> bare, TableColumns columns, Set<String> joined) {
        int continuing = 0;
        while (continuing < bare.size() && unfinished(joined(open, bare.subList(0, continuing), columns, new HashSet<>()))) {
            continuing++;
        }
        return joined(open, bare.subList(0, continuing), columns, joined);
    }

    /** Whether a page ends between two rows: a page's number, 续表 or a form feed stands between them. */
    private static boolean pageBetween(CleanDocument document, Row above, Row below) {
        if (below.start() <= above.end()) {
            return false;
        }
        String between = document.source(above.end(), below.start());
        return between.indexOf('\f') >= 0 || between.lines().map(String::strip).filter(l -> !l.isEmpty())
                .anyMatch(l -> PAGE_FURNITURE.matcher(l).matches());
    }

    /**
     * Whether a row after a page's break is the rest of the row above it: without a number, no heading, header or note,
     * and the row above reads cut, a units cell ending with 、 or ，, or its text stopping short of a sentence's end
     * while the row below adds no units (a row of its own text and units under a 序号 cell merged over both is a part).
     */
    private static boolean goesOnAfterPage(Row above, Row row, TableColumns columns) {
        List<String> cells = padded(row.cells(), columns.size());
        if (row.cells().size() < 2 || !cells.get(columns.seq()).isBlank() || isNumbered(row, columns)
                || heading(row.cells()).isPresent() || repeatsHeader(row, columns) || isNote(cells, columns)
                || TableColumns.isSubHeader(row.cells().stream().map(HanView::of).toList())) {
            return false;
        }
        List<String> upper = padded(above.cells(), columns.size());
        String content = upper.get(columns.content()).strip();
        boolean textCut = !content.isEmpty() && "。；;！!？?）)”".indexOf(content.charAt(content.length() - 1)) < 0;
        boolean unitsCut = unitColumns(columns).mapToObj(upper::get).anyMatch(TabTableReader::endsOpen);
        boolean unitsBelow = unitColumns(columns).mapToObj(cells::get).anyMatch(u -> !u.isBlank());
        // a row whose text the page cut before its units were written: its units are those below
        // (its deadline blank too: a blank units cell beside a deadline is one merged with the row above)
        boolean unitsMissing = unitColumns(columns).mapToObj(upper::get).allMatch(String::isBlank)
                && (columns.deadline() == TableColumns.NONE || upper.get(columns.deadline()).isBlank());
        return unitsCut || textCut && (!unitsBelow || unitsMissing);
    }

    private static java.util.stream.IntStream unitColumns(TableColumns columns) {
        return java.util.stream.IntStream.of(columns.units(), columns.responsible(), columns.participants())
                .filter(c -> c != TableColumns.NONE);
    }

    private static boolean unfinished(Row row) {
        return endsOpen(row.cells().get(row.cells().size() - 1));
    }

    /** Whether a cell ends with 、 or ，: the list in it goes on. */
    private static boolean endsOpen(String cell) {
        String text = cell.strip();
        return !text.isEmpty() && "、，,".indexOf(text.charAt(text.length() - 1)) >= 0;
    }

    /** The row with the lines without a tab below it joined to its last cell. */
    private static Row joined(Row open, List<Row> bare, TableColumns columns, Set<String> joined) {
        Row row = open;
        for (Row line : bare) {
            row = row.continuedBy(line);
        }
        if (!bare.isEmpty()) {
            joined.add(row.cells().get(columns.seq()).strip());
        }
        return row;
    }

    /**
     * Whether the table's 项目名称 or 任务名称 column names each of its rows from {@code from} on: every numbered row fills it
     * (merged over rows, the column is a category).
     */
    private static boolean namesEachRow(List<Row> rows, int from, TableColumns columns) {
        if (!columns.categoryNamesRows()) {
            return false;
        }
        // filled on every numbered row, each value once (a merged cell filled down by a spreadsheet repeats its value)
        List<String> names = rows.subList(from, rows.size()).stream().filter(r -> isNumbered(r, columns))
                .map(r -> columns.category() < r.cells().size() ? r.cells().get(columns.category()).strip() : "").toList();
        return names.stream().noneMatch(String::isEmpty) && names.stream().distinct().count() == names.size();
    }

    /** Whether the numbered rows of the table from {@code from} on (up to the next header) hold only numbers as their text. */
    private static boolean countsOnly(List<Row> rows, int from, TableColumns columns) {
        boolean any = false;
        for (Row row : rows.subList(from, rows.size())) {
            if (repeatsHeader(row, columns)) {
                break;
            }
            if (isNumbered(row, columns)) {
                String text = columns.content() < row.cells().size() ? row.cells().get(columns.content()).strip() : "";
                if (!COUNT.matcher(text).matches()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /** A cell holding a count or an amount only: 3, 12.5, 80%. */
    private static final Pattern COUNT = Pattern.compile("^[\\d.,，]+%?$|^$");

    private static boolean isNumbered(Row row, TableColumns columns) {
        if (columns.seq() >= row.cells().size()) {
            return false;
        }
        String number = TableColumns.Seq.of(row.cells().get(columns.seq())).number();
        return TableColumns.ROW_NUMBER.matcher(number).matches() || CHINESE_ROW_NUMBER.matcher(number).matches()
                || TableColumns.SUB_ROW_NUMBER.matcher(number).matches() || TableColumns.THIRD_LEVEL_NUMBER.matcher(number).matches()
                || ITEM_NUMBER.matcher(number).matches();
    }

    /** An item's number under a row, circled or in brackets: ①, （1）. */
    private static final Pattern ITEM_NUMBER = Pattern.compile("^(?:([①-⑳])|[（(](\\d{1,2})[）)])$");

    /** A row that may continue the one above: not numbered, no heading, not the header repeated. */
    private static boolean continues(Row row, TableColumns columns) {
        return !row.cells().isEmpty() && !row.cells().get(0).isBlank() && !isNumbered(row, columns)
                && heading(row.cells()).isEmpty() && !repeatsHeader(row, columns);
    }

    /** The header again (序号 where the header has it, and the other names), as after a page break. */
    private static boolean repeatsHeader(Row row, TableColumns columns) {
        return columns.seq() < row.cells().size() && TableColumns.namesSeq(HanView.of(row.cells().get(columns.seq())));
    }

    /**
     * The columns of a header written on two rows, when the row below the header names columns a merged cell above
     * covers (责任单位 over 牵头单位 | 配合单位): the lower row's names stand where it has them.
     */
    private static Optional<TableColumns> subHeader(List<String> header, List<String> below) {
        List<String> lower = below.stream().map(HanView::of).toList();
        if (!TableColumns.isSubHeader(lower)) {
            return Optional.empty();
        }
        List<String> merged = new ArrayList<>();
        for (int i = 0; i < Math.max(header.size(), lower.size()); i++) {
            String name = i < lower.size() ? lower.get(i).strip() : "";
            merged.add(!name.isEmpty() ? name : i < header.size() ? HanView.of(header.get(i)) : "");
        }
        return TableColumns.of(merged);
    }

    /** The chapter a row opens ({@code 一、…}), when it is one cell spanning the table or a line of its own. */
    private static Optional<String> heading(List<String> cells) {
        List<String> filled = cells.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        if (filled.size() != 1) {
            return Optional.empty();
        }
        Matcher chapter = CHAPTER.matcher(filled.get(0));
        return chapter.matches() ? Optional.of(TaskTexts.trim(chapter.group(1))) : Optional.empty();
    }

    /** The index of the first row that is a task table's header, or -1. */
    private static int header(List<Row> rows) {
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).bare() // a header has cells
                    && TableColumns.of(rows.get(i).cells().stream().map(HanView::of).toList()).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A header without a 序号 column (任务 | 责任单位): every cell a column's name, the units among them, and the next row
     * of as many cells; -1 when there is none.
     */
    private static int unnumberedHeader(List<Row> rows) {
        for (int i = 0; i + 1 < rows.size(); i++) {
            List<String> view = rows.get(i).cells().stream().map(HanView::of).toList();
            if (rows.get(i).bare() || view.size() > MAX_UNNUMBERED_COLUMNS || view.stream().anyMatch(TableColumns::namesSeq)
                    || !view.stream().allMatch(c -> !c.isBlank() && (TableColumns.namesColumn(c) || namesBareText(c)))
                    || view.stream().noneMatch(c -> TableColumns.namesText(c) || namesBareText(c))) {
                continue; // a header with 序号 is read as such; one without a text column names no tasks
            }
            List<String> numbered = new ArrayList<>(List.of(SEQ_NAME));
            numbered.addAll(view);
            Row next = rows.get(i + 1);
            if (TableColumns.of(numbered).isPresent() && !next.bare() && next.cells().size() == view.size()) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The rows with a 序号 column before their cells: the header's name, each row of text and units its number in order;
     * the table ends at a row of another number of cells or at an annex's heading (附件2 …), and what follows is left out.
     */
    private static List<Row> numbered(List<Row> rows, int header) {
        List<Row> out = new ArrayList<>(rows.subList(0, header));
        int columns = rows.get(header).cells().size();
        int number = 0;
        for (int i = header; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.bare() && ANNEX_HEADING.matcher(HanView.of(row.cells().get(0)).strip()).lookingAt()
                    || !row.bare() && row.cells().size() != columns) {
                break;
            }
            if (row.bare()) {
                out.add(row);
                continue;
            }
            List<String> cells = new ArrayList<>();
            // a line with one cell filled goes on the row above (a cell wrapped), as an unnumbered row does
            boolean ownRow = row.cells().stream().filter(c -> !c.isBlank()).count() >= 2;
            cells.add(i == header ? SEQ_NAME : ownRow ? String.valueOf(++number) : "");
            cells.addAll(row.cells());
            out.add(new Row(List.copyOf(cells), row.start(), row.end(), row.line(), false));
        }
        return out;
    }

    private static final String SEQ_NAME = "序号";
    private static final Pattern ANNEX_HEADING = Pattern.compile("^附件\\s*[\\d一二三四五六七八九十]{0,2}");
    /** A text column named bare (任务 | 责任单位), which only a table without 序号 is read by. */
    private static final Pattern TEXT_NAME = Pattern.compile("^(?:任务|事项|措施|任务措施|工作事项)$");

    private static boolean namesBareText(String cellView) {
        return TEXT_NAME.matcher(cellView.strip()).matches();
    }

    /** The most columns a table without a 序号 column is read with (more, and the tab lines are likely something else). */
    private static final int MAX_UNNUMBERED_COLUMNS = 5;

    private static List<String> padded(List<String> cells, int size) {
        List<String> out = new ArrayList<>(cells);
        while (out.size() < size) {
            out.add("");
        }
        return out;
    }

    private static List<Row> rows(CleanDocument document) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        int start = -1;
        int end = -1;
        int firstLine = -1;
        for (CleanDocument.Line line : document.lines()) {
            String text = line.text();
            boolean cellLine = text.startsWith("\t") && text.indexOf('\t', 1) < 0;
            if (cellLine) {
                if (cells.isEmpty() && start < 0) {
                    start = line.start();
                    firstLine = line.number();
                }
                cells.add(text.substring(1));
                end = line.end();
                continue;
            }
            if (start >= 0) {
                rows.add(new Row(List.copyOf(cells), start, end, firstLine, false));
                cells.clear();
                start = -1;
            }
            if (text.indexOf('\t') >= 0) {
                rows.add(new Row(List.of(text.split("\t", -1)), line.start(), line.end(), line.number(), false));
            } else if (!text.isBlank() && !PAGE_FURNITURE.matcher(text.strip()).matches()) {
                rows.add(new Row(List.of(text), line.start(), line.end(), line.number(), true));
            }
        }
        if (start >= 0) {
            rows.add(new Row(List.copyOf(cells), start, end, firstLine, false));
        }
        return rows;
    }
}
