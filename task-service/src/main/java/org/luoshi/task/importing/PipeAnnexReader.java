package org.luoshi.task.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an annex table flattened into cells that each end with {@code " |"} (a web page's table copied as text):
 * the cells follow one another across lines, a row starts at the cell holding the next number (or one a little past
 * it after a complete row, when the source skipped a number: warned; a chapter's number and title there, {@code 二 |
 * 强化保障 |}, name the category of the rows after them), and a row with one
 * cell fewer than the header has left its category blank (same as above); an empty cell between filled ones is a blank
 * column of its row, not a missing one; a row numbered {@code 1.1} after row 1 is its sub-task. Columns after the units (配合单位,
 * 完成时限) are read as in a tab table. The body paragraph with the row's number gives the detailed content
 * ({@link AnnexRows}).
 */
final class PipeAnnexReader {

    private static final int LARGEST_GAP = 3;
    /** A cell holding only a chapter's number (二) after a complete row: the next cell is the chapter's title. */
    private static final Pattern CHAPTER_NUMBER = Pattern.compile("^[一二三四五六七八九十]{1,3}[、.．]?$");

    /** A cell with the line it is on. */
    private record Cell(String text, CleanDocument.Line line) {
    }

    private PipeAnnexReader() {
    }

    static Optional<List<ParsedTask>> read(CleanDocument document, List<String> warnings) {
        for (List<Cell> stream : streams(document)) {
            for (int i = 0; i < stream.size(); i++) {
                Optional<Integer> headerEnd = headerEnd(stream, i);
                if (headerEnd.isPresent()) {
                    List<String> header = stream.subList(i, headerEnd.get() + 1).stream()
                            .map(c -> HanView.of(c.text())).toList();
                    TableColumns columns = TableColumns.of(header).orElseThrow();
                    BodyParagraphs body = new BodyParagraphs(document, stream.get(i).line().number());
                    return Optional.of(rows(document, stream.subList(headerEnd.get() + 1, stream.size()), columns, body,
                            warnings));
                }
            }
        }
        return Optional.empty();
    }

    /** The last header cell, when a header (序号 … 责任单位) starts at {@code i}. */
    private static Optional<Integer> headerEnd(List<Cell> stream, int i) {
        if (!HanView.of(stream.get(i).text()).equals("序号")) {
            return Optional.empty();
        }
        for (int j = i + 1; j < stream.size() && j <= i + 8; j++) {
            List<String> header = stream.subList(i, j + 1).stream().map(c -> HanView.of(c.text())).toList();
            Optional<TableColumns> columns = TableColumns.of(header);
            if (columns.isPresent() && columns.get().units() == header.size() - 1) {
                int end = j;
                while (end + 1 < stream.size() && TableColumns.isTrailingColumn(HanView.of(stream.get(end + 1).text()))) {
                    end++; // 配合单位 | 完成时限 after the units
                }
                return Optional.of(end);
            }
        }
        return Optional.empty();
    }

    private static List<ParsedTask> rows(CleanDocument document, List<Cell> cells, TableColumns columns,
            BodyParagraphs body, List<String> warnings) {
        List<List<Cell>> rows = new ArrayList<>();
        List<String> parents = new ArrayList<>(); // of each row: the number of the row it is a part of, or null
        Map<Integer, String> chapters = new HashMap<>();
        boolean chapterNext = false;
        int expected = -1;
        int expectedPart = 1;
        for (Cell cell : cells) {
            if (chapterNext) {
                // 二 | 强化保障 |: the chapter of the rows from here on, not cells of the row above
                chapters.put(rows.size(), TaskTexts.trim(cell.text()));
                chapterNext = false;
                continue;
            }
            if (CHAPTER_NUMBER.matcher(cell.text().strip()).matches()
                    && (rows.isEmpty() || rows.get(rows.size() - 1).size() >= columns.size() - 1)) {
                chapterNext = true;
                continue;
            }
            Matcher number = TableColumns.ROW_NUMBER.matcher(cell.text().strip());
            int n = number.matches() ? Integer.parseInt(number.group(1)) : -1;
            // a number a little past the expected one, after a row with all its cells: the source skipped a number
            // (1, 2, 4); read strictly, the rest of the table would run into the row before the gap
            boolean afterGap = expected > 0 && n > expected && n <= expected + LARGEST_GAP
                    && rows.get(rows.size() - 1).size() >= columns.size() - 1;
            boolean next = n >= 0 && (expected < 0 || n == expected || afterGap);
            if (afterGap) {
                warnings.add("annex numbering jumps from " + (expected - 1) + " to " + n + ": check the source for a missing row");
            }
            Matcher part = TableColumns.SUB_ROW_NUMBER.matcher(cell.text().strip());
            // 1.1 after row 1, 1.2 after 1.1, each after a row with its cells: a part of row 1, a sub-task with its own
            // units. Numbered in sequence only, as the rows are: a cell 12.31 (a deadline) of row 12 is no part of it
            boolean subRow = !next && part.matches() && Integer.parseInt(part.group(1)) == expected - 1
                    && Integer.parseInt(part.group(2)) == expectedPart
                    && rows.get(rows.size() - 1).size() >= columns.size() - 1;
            if (next) {
                rows.add(new ArrayList<>());
                parents.add(null);
                expected = Integer.parseInt(number.group(1)) + 1;
                expectedPart = 1;
            } else if (subRow) {
                rows.add(new ArrayList<>());
                parents.add(part.group(1));
                expectedPart++;
            }
            if (!rows.isEmpty()) {
                rows.get(rows.size() - 1).add(cell);
            }
        }
        List<ParsedTask> tasks = new ArrayList<>();
        String category = null;
        for (int r = 0; r < rows.size(); r++) {
            List<Cell> row = rows.get(r);
            if (chapters.containsKey(r)) {
                category = chapters.get(r);
            }
            List<String> filled = row.stream().map(c -> c.text().strip()).filter(t -> !t.isEmpty()).toList();
            Matcher number = (parents.get(r) == null ? TableColumns.ROW_NUMBER : TableColumns.SUB_ROW_NUMBER)
                    .matcher(filled.get(0));
            String seq = !number.matches() ? filled.get(0)
                    : parents.get(r) == null ? number.group(1) : number.group(1) + "." + number.group(2);
            // empty cells (" |") at a row's end are dropped: such pages write them where no cell is, and a category
            // spanning rows from above is not there at all; an empty cell between filled ones is a blank column of
            // the row (no 配合单位), kept in its place
            List<String> positional = withoutTrailingBlanks(row);
            List<String> columnsOfRow;
            if (positional.size() == columns.size()) {
                columnsOfRow = positional;
                if (columns.category() != TableColumns.NONE && !columns.categoryNamesRows()
                        && !positional.get(columns.category()).isEmpty()) {
                    category = positional.get(columns.category());
                }
            } else if (positional.size() == columns.size() - 1 && columns.category() != TableColumns.NONE) {
                // a category spanning rows from above, or an empty last cell (配合单位, 完成时限): the reading whose
                // units column holds units
                List<String> categoryMissing = new ArrayList<>(positional);
                categoryMissing.add(columns.category(), "");
                List<String> lastBlank = new ArrayList<>(positional);
                lastBlank.add("");
                columnsOfRow = !namesUnits(categoryMissing, columns) && namesUnits(lastBlank, columns) ? lastBlank
                        : categoryMissing;
                if (columnsOfRow == lastBlank && !columns.categoryNamesRows() && !positional.get(columns.category()).isEmpty()) {
                    category = positional.get(columns.category());
                }
            } else if (filled.size() >= 3) {
                warnings.add("annex row " + seq + " has " + filled.size() + " cells, the header " + columns.size()
                        + ": read as number, title, units");
                columnsOfRow = null;
            } else {
                warnings.add("annex row " + seq + " skipped: too few cells " + filled);
                continue;
            }
            CleanDocument.Line first = row.get(0).line();
            CleanDocument.Line last = row.get(row.size() - 1).line();
            String source = document.source(first.start(), last.end());
            ParsedTask task;
            if (columnsOfRow == null) {
                task = AnnexRows.task(seq, category, filled.get(filled.size() - 2), filled.get(filled.size() - 1), null,
                        List.of(), source, body, warnings);
            } else {
                String deadline = columns.deadline() == TableColumns.NONE ? null : columnsOfRow.get(columns.deadline());
                // 项目名称 | 建设内容: the item's name titles its row
                String title = columns.categoryNamesRows() && !columnsOfRow.get(columns.category()).isBlank()
                        ? columnsOfRow.get(columns.category()).strip() : null;
                task = AnnexRows.task(seq, category, title, columnsOfRow.get(columns.content()), columns.units(columnsOfRow),
                        deadline, columns.notes(columnsOfRow), source, body, warnings);
            }
            tasks.add(parents.get(r) == null ? task : task.under(parents.get(r)));
        }
        return tasks;
    }

    private static boolean namesUnits(List<String> row, TableColumns columns) {
        String units = CleanDocument.normalized(row.get(columns.units()));
        return units != null && UnitList.isUnitList(units);
    }

    private static List<String> withoutTrailingBlanks(List<Cell> row) {
        int end = row.size();
        while (end > 1 && row.get(end - 1).text().isBlank()) {
            end--;
        }
        return row.subList(0, end).stream().map(c -> c.text().strip()).toList();
    }

    /** Runs of consecutive lines ending with {@code |}, as cells. */
    private static List<List<Cell>> streams(CleanDocument document) {
        List<List<Cell>> streams = new ArrayList<>();
        List<Cell> current = new ArrayList<>();
        for (CleanDocument.Line line : document.lines()) {
            String text = line.text().strip();
            if (text.endsWith("|")) {
                String[] parts = text.substring(0, text.length() - 1).split("\\|", -1);
                for (String part : parts) {
                    current.add(new Cell(part.strip(), line));
                }
            } else if (!current.isEmpty()) {
                streams.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            streams.add(current);
        }
        return streams;
    }
}
