package org.luoshi.task.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which column of a task table holds what, read from its header row (on the simplified view): 序号; 工作任务 (the
 * category, blank for "same as above"); 主要内容 / 政策内容 / 工作内容 … (the content, or a short title); 责任单位 /
 * 责任部门 / 负责单位 / 牵头单位 (the units); 配合单位 / 参与单位 / 协办单位 … (the participating units, when the table
 * lists them apart); 时间进度 / 完成时限 … (the deadline, when the table has one). A table whose only text column is
 * named like a category (序号 | 工作任务 | 负责单位 | 时间进度, the State Council's annexes) holds the content there and
 * has no category column. Remarks (备注) and persons (责任人, 牵头领导) are never the content: their cells follow it.
 *
 * @param leadColumn whether the units column is named for the lead (牵头单位): every unit in it leads
 * @param categoryNamesTasks whether the category column names each row's task (重点任务), which titles the row under
 *                           chapter rows
 * @param categoryNamesRows  whether the text column before the content names each row's item (项目名称 | 建设内容): the
 *                           row's title, never a category carried down to the rows below
 */
record TableColumns(int size, int seq, int category, int content, int units, boolean leadColumn, int responsible,
        int participants, int deadline, List<Integer> notes, List<String> noteNames, boolean categoryNamesTasks,
        boolean categoryNamesRows) {

    static final int NONE = -1;

    private static final Pattern SPACE_OR_BAR = Pattern.compile("[\\s\\u3000|]+");
    private static final Pattern SEQ = Pattern.compile("^(序号|编号)$");
    /** A row's number in the 序号 column, also written {@code 1.} or {@code 1、} (group 1: the number). */
    static final Pattern ROW_NUMBER = Pattern.compile("^(\\d{1,4})[.．、]?$");
    /** A part of a numbered row, 1.1 under 1: a sub-task. */
    static final Pattern SUB_ROW_NUMBER = Pattern.compile("^(\\d{1,4})[.．](\\d{1,3})[.．、]?$");
    /** A row numbered at a third level (1.1.1): a part of its top row, as parts are kept one level deep. */
    static final Pattern THIRD_LEVEL_NUMBER = Pattern.compile("^(\\d{1,3})[.．](\\d{1,3}[.．]\\d{1,2})[.．、]?$");
    /** A 序号 with its chapter's number before it (一、1) or a part written with a dash (2-1). */
    private static final Pattern CHAPTER_AND_NUMBER = Pattern.compile("^[一二三四五六七八九十]{1,3}[、.．]\\s*(\\d{1,4}(?:[.．]\\d{1,3})?[.．、]?)$");
    private static final Pattern DASHED_PART = Pattern.compile("^(\\d{1,4})[\\-－—](\\d{1,3})[.．、]?$");

    /**
     * Whether a category column is named for each row's task (重点任务, 任务名称, 工作任务), not for a kind of tasks
     * (任务类别, 类别).
     */
    private static boolean namesTasks(String headerView) {
        return TASK_NAME.matcher(clean(headerView)).matches();
    }

    private static final Pattern UNITS = Pattern.compile("(责任单位|责任部门|负责单位|负责部门|牵头单位|牵头部门|主责单位|主责部门"
            + "|责任主体|承办单位|实施单位|实施部门|承担单位|落实单位|责任处室|责任科室|主管部门)");
    private static final Pattern LEAD = Pattern.compile("^(牵头|主办|主责)");
    /** A units cell that names none: a dash, a slash, 无. */
    static final Pattern NO_UNITS = Pattern.compile("^[—–\\-－/／无]{1,3}$");
    private static final Pattern PARTICIPANTS = Pattern.compile(
            "^(配合单位|配合部门|参与单位|参与部门|协办单位|协办部门|协同单位|协同部门|配合|参与)(?:[（(][^）)]{1,8}[）)])?$");
    private static final Pattern TASK_NAME = Pattern.compile("^(重点任务|任务名称|工作任务)$");
    /** The name of each row's item in a list of projects or matters: its title (项目名称 | 建设内容及年度目标). */
    private static final Pattern ROW_NAME = Pattern.compile("^(项目名称|工程名称|事项名称|任务名称)$");
    private static final Pattern CATEGORY = Pattern.compile("^(工作任务|任务类别|类别|重点任务|任务名称|工作类别)$");
    private static final Pattern CONTENT = Pattern.compile("(主要内容|政策内容|工作内容|具体内容|任务内容|主要任务|工作措施|具体措施|主要措施|内容)");
    /** A column of indicators (指标名称): the tasks' text when no column names their content. */
    private static final Pattern INDICATORS = Pattern.compile("^(?:指标名称|指标|任务指标|主要指标)$");
    /** The targets a table assigns (目标任务 | 全年目标 | 一季度 …): its text when no column is named for the content. */
    private static final Pattern TARGETS = Pattern.compile("^(目标任务|任务目标)$");
    /** Columns of a scoring table (考核评分表: 评分标准): its rows are what is assessed, no tasks. */
    private static final Pattern SCORING = Pattern.compile("^(评分标准|评分细则|评分办法|计分方法|扣分标准|考核评分)$");
    /**
     * A column of persons (责任人, 牵头领导, 联络员) or their telephone: never the content, but kept at its end like remarks;
     * a table of nothing else beside its units is a contact list, no task table.
     */
    private static final Pattern PERSONS = Pattern.compile("^(责任人|联系人|经办人|联络员|姓名|职务|(?:牵头|责任|分管|包保|联系)[省市县区]?领导"
            + "|联系电话|电话|手机|手机号码|联系方式|办公电话)$");
    /**
     * A column of what is due by a period of the year (一季度 | 二季度 …, 上半年, 6月): no task's text; each cell a step
     * due at the period's end ({@code 二季度末：完成4个}).
     */
    private static final Pattern PERIOD_COLUMN = Pattern.compile("^(?:第?[一二三四1-4]季度|[上下]半年|\\d{1,2}月(?:份)?|\\d{1,2}[—–\\-~～至]\\d{1,2}月)$");
    /** A column of a year's targets: 2024年, 2025年目标. */
    private static final Pattern YEAR_COLUMN = Pattern.compile("^\\d{4}年?(?:度)?(?:目标|目标值|任务|计划)?$");
    /** A number and its comparator in such a column: 20, 90以上, ≥90. */
    private static final Pattern MEASURED = Pattern.compile("^(≥|≤)?(\\d+(?:\\.\\d+)?)(以上|以下|左右|以内)?$");
    /** The longest measure a 单位 cell holds (所, 万人次, 个百分点). */
    private static final int MEASURE_LENGTH = 5;
    /** A column of remarks (备注): never the content, but kept at its end (see {@link #notes}). */
    private static final Pattern REMARKS = Pattern.compile("^(备注|说明|备注说明|分值|分数|权重)$");
    /**
     * A column of amounts: 计划投资（亿元）, 投资额, a name with its unit in brackets (目标值（个）). Its numbers are
     * no task's text; they follow it as a note.
     */
    private static final Pattern AMOUNTS = Pattern.compile("^(?:计划|年度|预计|累计|总)?(?:投资|投资额|总投资|金额|资金|额度|规模)"
            + "(?:[（(][^）)]{1,8}[）)])?$|[（(](?:万亿元|亿元|万元|元|亿美元|万美元|个|家|所|人|万人|户|亩|万亩|公里|%|吨|万吨)[）)]$");
    /** The names of a deadline, as a column header or as a label in prose ({@code 完成时限：2021年底前}). */
    static final String DEADLINE_NAMES = "时间进度|进度安排|时间安排|完成时限|完成时间|完成期限|时限要求|时间要求|时间节点|完成节点|截止时间"
            + "|办结时限|办结时间";
    private static final Pattern DEADLINE = Pattern.compile("(" + DEADLINE_NAMES + "|时限)");

    /**
     * A 序号 cell as the rows' numbers are read: {@code 一、1} is row 1 of chapter 一 (its chapter has a row of its own),
     * {@code 2-1} is part 2.1.
     *
     * @param chapter the chapter's number written before the row's, or null
     */
    record Seq(String chapter, String number) {
        static Seq of(String cell) {
            String number = cell.strip();
            String chapter = null;
            Matcher withChapter = CHAPTER_AND_NUMBER.matcher(number);
            if (withChapter.matches()) {
                chapter = number.substring(0, withChapter.start(1)).replaceAll("[、.．\\s]", "");
                number = withChapter.group(1);
            }
            Matcher dashed = DASHED_PART.matcher(number);
            return new Seq(chapter, dashed.matches() ? dashed.group(1) + "." + dashed.group(2) : number);
        }

        /** The number as rows below it are told from it: within its chapter when the cell writes it (一.1). */
        String key() {
            return chapter == null ? number : chapter + "." + number;
        }
    }

    /** The columns, when the cells (simplified view, spaces removed) are a task table header. */
    static Optional<TableColumns> of(List<String> headerView) {
        int seq = indexOf(headerView, SEQ);
        int units = indexOf(headerView, UNITS);
        if (seq == NONE || units == NONE || indexOf(headerView, SCORING) != NONE) {
            return Optional.empty();
        }
        int category = indexOf(headerView, CATEGORY);
        int deadline = indexOf(headerView, DEADLINE);
        int participants = indexOf(headerView, PARTICIPANTS);
        boolean leadColumn = LEAD.matcher(clean(headerView.get(units))).find();
        // 牵头单位 | 责任单位 (| 配合单位): the second column names the units carrying the task out with the lead, each
        // responsible within its remit
        int responsible = leadColumn ? indexOf(headerView, UNITS, units + 1) : NONE;
        int content = NONE;
        for (int i = 0; i < headerView.size(); i++) {
            if (i != seq && i != units && i != category && i != deadline && i != participants && i != responsible
                    && CONTENT.matcher(clean(headerView.get(i))).find() && !PERSONS.matcher(clean(headerView.get(i))).matches()) {
                content = i;
                break;
            }
        }
        if (content == NONE) {
            content = indexOf(headerView, TARGETS);
        }
        if (content == NONE) {
            content = indexOf(headerView, INDICATORS);
        }
        if (content != NONE && category == NONE) {
            // a text column before the named content, under a name of its own (任务分类 | 任务内容): the category
            for (int i = 0; i < Math.min(content, units); i++) {
                if (i != seq && i != deadline && i != participants && i != responsible && !isAside(headerView.get(i))) {
                    category = i;
                    break;
                }
            }
        }
        if (content == NONE) {
            List<Integer> free = new ArrayList<>();
            for (int i = 0; i < headerView.size(); i++) {
                // a nameless column before the numbers (a sheet's empty column A) holds no task
                if (i != seq && i != units && i != category && i != deadline && i != participants && i != responsible
                        && !isAside(headerView.get(i)) && !(i < seq && clean(headerView.get(i)).isEmpty())) {
                    free.add(i);
                }
            }
            List<Integer> beforeUnits = free.stream().filter(i -> i < units).toList();
            if (category == NONE && beforeUnits.size() >= 2) {
                // two texts before the units under names of their own (任务 | 措施, 领域 | 改革任务): the broader
                // one first, the task's text last, as 重点任务 | 具体措施 are
                category = beforeUnits.get(0);
                content = beforeUnits.get(beforeUnits.size() - 1);
            } else if (!free.isEmpty()) {
                content = free.get(0);
            } else if (category == NONE) {
                // nothing but periods beside the units (序号 | 责任单位 | 一季度 | 二季度 …): the first holds the work
                for (int i = 0; i < headerView.size() && content == NONE; i++) {
                    if (isPeriod(clean(headerView.get(i)))) {
                        content = i;
                    }
                }
            }
        }
        if (content == NONE && category != NONE) {
            content = category;
            category = NONE;
        }
        if (content == NONE) {
            return Optional.empty(); // numbers and units without any task: no task table
        }
        // the other named columns (备注, a 主要目标 between the category and the measures …) are not dropped: their
        // cells follow the content as sentences of their own
        List<Integer> notes = new ArrayList<>();
        List<String> noteNames = new ArrayList<>();
        List<Integer> read = List.of(seq, category, content, units, responsible, participants, deadline);
        for (int i = 0; i < headerView.size(); i++) {
            String name = clean(headerView.get(i));
            if (!name.isEmpty() && !read.contains(i)) {
                notes.add(i);
                noteNames.add(name);
            }
        }
        return Optional.of(new TableColumns(headerView.size(), seq, category, content, units, leadColumn, responsible,
                participants, deadline, List.copyOf(notes), List.copyOf(noteNames),
                category != NONE && namesTasks(headerView.get(category)),
                category != NONE && ROW_NAME.matcher(clean(headerView.get(category))).matches()));
    }

    /**
     * The row's responsible-unit text as {@link UnitSplitter} reads it: the units cell, labelled 牵头单位 when the
     * column is named so, then a 责任单位 cell beside a 牵头单位 column labelled 责任单位, then the participants cell
     * labelled 配合单位. Role words inside the cells still count.
     */
    String units(List<String> cells) {
        String units = unitsCell(cells, this.units);
        String responsibleUnits = unitsCell(cells, responsible);
        String participating = unitsCell(cells, participants);
        if (responsibleUnits.isEmpty() && participating.isEmpty()) {
            return leadColumn && !units.isEmpty() ? "牵头单位：" + units : units;
        }
        List<String> parts = new ArrayList<>();
        if (!units.isEmpty()) {
            parts.add((leadColumn ? "牵头单位：" : "") + units);
        }
        if (!responsibleUnits.isEmpty()) {
            parts.add("责任单位：" + responsibleUnits);
        }
        if (!participating.isEmpty()) {
            parts.add("配合单位：" + participating);
        }
        return String.join("；", parts);
    }

    /** A units cell's text, empty when the column is missing or the cell names none (—, /, 无). */
    private static String unitsCell(List<String> cells, int column) {
        String cell = column == NONE ? "" : cells.get(column).strip();
        return NO_UNITS.matcher(cell).matches() ? "" : cell;
    }

    /**
     * Whether a note ({@code 名称：text}, as {@link #notes} writes it) is of a column of targets (目标值, 年度指标, 2025年,
     * 二季度末), whose count is the row's target; a remark's, a person's or a progress note's counts are not.
     */
    static boolean isTargetNote(String note) {
        int colon = note.indexOf('：');
        String name = colon < 0 ? "" : clean(note.substring(0, colon));
        return TARGET_NOTE.matcher(name).find();
    }

    /** The names of columns of targets: 目标, 指标, 任务量, 计划数, a year, a period's end. */
    private static final Pattern TARGET_NOTE = Pattern.compile("目标|指标|任务量|计划数|数量|^\\d{4}年|季度末|半年末|月底$");

    /** Whether a column's name (spaces removed) is a period of the year: 一季度, 上半年, 6月, 1-6月. */
    private static boolean isPeriod(String name) {
        return PERIOD_COLUMN.matcher(name).matches();
    }

    /** A yearly cell's comparator as a word after its number: 以上 as written, or for ≥ before it (以下 for ≤). */
    private static String comparatorWord(String sign, String word) {
        if (word != null) {
            return word;
        }
        return sign == null ? "" : sign.equals("≥") ? "以上" : "以下";
    }

    /** The end of a period a column names, as a deadline: 二季度末, 上半年末, 6月底 for 6月 or 6月份, 6月底 for 1-6月. */
    private static String periodEnd(String name) {
        if (name.endsWith("季度") || name.endsWith("半年")) {
            return name + "末";
        }
        return name.replaceFirst("^\\d{1,2}[—–\\-~～至]", "").replaceFirst("份$", "") + "底";
    }

    /**
     * The row's cells of the other columns, each as {@code 名称：text} (备注：每季度通报), the empty ones left out. In a
     * table of yearly targets (指标名称 | 单位 | 2024年 | 2025年), a year's number is written with the measure of its
     * row ({@code 2024年：20所}, {@code 2025年：91%以上}), which then stands for nothing else.
     */
    List<String> notes(List<String> cells) {
        int measureNote = noteNames.contains("单位") ? noteNames.indexOf("单位") : noteNames.indexOf("计量单位");
        String measure = measureNote < 0 || notes.get(measureNote) >= cells.size() ? ""
                : cells.get(notes.get(measureNote)).strip();
        boolean yearly = !measure.isEmpty() && measure.length() <= MEASURE_LENGTH
                && noteNames.stream().anyMatch(name -> YEAR_COLUMN.matcher(name).matches());
        List<String> filled = new ArrayList<>();
        for (int i = 0; i < notes.size(); i++) {
            int column = notes.get(i);
            String text = column < cells.size() ? cells.get(column).strip() : "";
            if (yearly && i == measureNote) {
                continue;
            }
            if (yearly && YEAR_COLUMN.matcher(noteNames.get(i)).matches()) {
                Matcher number = MEASURED.matcher(text);
                if (number.matches()) {
                    text = number.group(2) + measure + comparatorWord(number.group(1), number.group(3));
                }
            }
            if (!text.isEmpty()) {
                String name = noteNames.get(i);
                // a period's column: what is due by its end (二季度末), as a deadline cell's period alone means
                filled.add((isPeriod(name) ? periodEnd(name) : name) + "：" + text);
            }
        }
        return filled;
    }

    /**
     * Whether the cells are the lower row of a two-row header: no number, and only column names under a merged
     * cell, units among them (牵头单位 | 配合单位).
     */
    static boolean isSubHeader(List<String> cellsView) {
        List<String> named = cellsView.stream().map(TableColumns::clean).filter(c -> !c.isEmpty()).toList();
        return named.stream().anyMatch(TableColumns::namesUnits)
                && named.stream().allMatch(c -> namesUnits(c) || DEADLINE.matcher(c).find());
    }

    private static boolean namesUnits(String name) {
        return UNITS.matcher(name).find() || PARTICIPANTS.matcher(name).find();
    }

    /**
     * Whether a header cell names a column that may follow the units: participants, more units, a deadline, remarks or
     * persons.
     */
    static boolean isTrailingColumn(String cellView) {
        String name = clean(cellView);
        return PARTICIPANTS.matcher(name).find() || UNITS.matcher(name).find() && name.length() <= 6
                || DEADLINE.matcher(name).find() && name.length() <= 6 || isAside(cellView);
    }

    /** Remarks or persons: a column beside the task, never its text. */
    private static boolean isAside(String cellView) {
        String name = clean(cellView);
        return REMARKS.matcher(name).matches() || PERSONS.matcher(name).matches() || AMOUNTS.matcher(name).find()
                || isPeriod(name);
    }

    private static int indexOf(List<String> cells, Pattern pattern) {
        return indexOf(cells, pattern, 0);
    }

    private static int indexOf(List<String> cells, Pattern pattern, int from) {
        for (int i = from; i < cells.size(); i++) {
            if (pattern.matcher(clean(cells.get(i))).find()) {
                return i;
            }
        }
        return NONE;
    }

    /** Whether the column holds persons (责任人, 牵头市领导). */
    boolean isPersons(int column) {
        int note = notes.indexOf(column);
        return note >= 0 && PERSONS.matcher(noteNames.get(note)).matches();
    }

    /** Whether a cell (simplified view) is a column's name, as a header's cells are. */
    static boolean namesColumn(String cellView) {
        String name = clean(cellView);
        return SEQ.matcher(name).matches() || namesUnits(name) || namesText(name)
                || DEADLINE.matcher(name).find() && name.length() <= 6 || isAside(name);
    }

    /** Whether a header cell (simplified view) names a column of the tasks' text: a category or the content. */
    static boolean namesText(String cellView) {
        String name = clean(cellView);
        return CATEGORY.matcher(name).matches() || CONTENT.matcher(name).find() && name.length() <= 6
                || TARGETS.matcher(name).matches();
    }

    /** Whether a header cell (simplified view) names the 序号 column. */
    static boolean namesSeq(String cellView) {
        return SEQ.matcher(clean(cellView)).matches();
    }

    private static String clean(String cell) {
        return SPACE_OR_BAR.matcher(cell).replaceAll("");
    }
}
