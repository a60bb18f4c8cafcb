package org.luoshi.task.importing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which column of a task table holds what, read from its header row (on the simplified view): 序号; 工作任务 (the
 * category, blank for "same as above"); 主要内容 / 政策内容 / 工作内容 … (the content, or a short title); 责任单位 /
 * 责任部门 / 负责单位 / 牵头单位 (the units); 时间进度 / 完成时限 … (the deadline, when the table has one). A table
 * whose only text column is named like a category (序号 | 工作任务 | 负责单位 | 时间进度, the State Council's annexes)
 * holds the content there and has no category column.
 */
record TableColumns(int size, int seq, int category, int content, int units, int deadline) {

    static final int NONE = -1;

    private static final Pattern SPACE_OR_BAR = Pattern.compile("[\\s\\u3000|]+");
    private static final Pattern SEQ = Pattern.compile("^(序号|编号)$");
    private static final Pattern UNITS = Pattern.compile("(责任单位|责任部门|负责单位|负责部门|牵头单位|牵头部门|责任主体|承办单位)");
    private static final Pattern CATEGORY = Pattern.compile("^(工作任务|任务类别|类别|重点任务|任务名称|工作类别)$");
    private static final Pattern CONTENT = Pattern.compile("(主要内容|政策内容|工作内容|具体内容|任务内容|主要任务|工作措施|具体措施|内容)");
    private static final Pattern DEADLINE = Pattern.compile("(时间进度|进度安排|时间安排|完成时限|完成时间|完成期限|时限要求|时限)");

    /** The columns, when the cells (simplified view, spaces removed) are a task table header. */
    static Optional<TableColumns> of(List<String> headerView) {
        int seq = indexOf(headerView, SEQ);
        int units = indexOf(headerView, UNITS);
        if (seq == NONE || units == NONE) {
            return Optional.empty();
        }
        int category = indexOf(headerView, CATEGORY);
        int deadline = indexOf(headerView, DEADLINE);
        int content = NONE;
        for (int i = 0; i < headerView.size(); i++) {
            if (i != seq && i != units && i != category && i != deadline && CONTENT.matcher(clean(headerView.get(i))).find()) {
                content = i;
                break;
            }
        }
        if (content == NONE) {
            for (int i = 0; i < headerView.size(); i++) {
                if (i != seq && i != units && i != category && i != deadline) {
                    content = i;
                    break;
                }
            }
        }
        if (content == NONE && category != NONE) {
            content = category;
            category = NONE;
        }
        return Optional.of(new TableColumns(headerView.size(), seq, category, content, units, deadline));
    }

    private static int indexOf(List<String> cells, Pattern pattern) {
        for (int i = 0; i < cells.size(); i++) {
            if (pattern.matcher(clean(cells.get(i))).find()) {
                return i;
            }
        }
        return NONE;
    }

    private static String clean(String cell) {
        return SPACE_OR_BAR.matcher(cell).replaceAll("");
    }
}
