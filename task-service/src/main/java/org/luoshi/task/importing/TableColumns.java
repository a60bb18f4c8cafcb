package org.luoshi.task.importing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which column of a task table holds what, read from its header row (on the simplified view): 序号; 工作任务 (the
 * category, blank for "same as above"); 主要内容 / 政策内容 / 工作内容 … (the content, or a short title); 责任单位 /
 * 责任部门 / 牵头单位 (the units).
 */
record TableColumns(int size, int seq, int category, int content, int units) {

    static final int NONE = -1;

    private static final Pattern SEQ = Pattern.compile("^(序号|编号)$");
    private static final Pattern UNITS = Pattern.compile("(责任单位|责任部门|牵头单位|责任主体|承办单位)");
    private static final Pattern CATEGORY = Pattern.compile("^(工作任务|任务类别|类别|重点任务|任务名称|工作类别)$");
    private static final Pattern CONTENT = Pattern.compile("(主要内容|政策内容|工作内容|具体内容|任务内容|主要任务|工作措施|具体措施|内容)");

    /** The columns, when the cells (simplified view, spaces removed) are a task table header. */
    static Optional<TableColumns> of(List<String> headerView) {
        int seq = indexOf(headerView, SEQ);
        int units = indexOf(headerView, UNITS);
        if (seq == NONE || units == NONE) {
            return Optional.empty();
        }
        int category = indexOf(headerView, CATEGORY);
        int content = NONE;
        for (int i = 0; i < headerView.size(); i++) {
            if (i != seq && i != units && i != category && CONTENT.matcher(clean(headerView.get(i))).find()) {
                content = i;
                break;
            }
        }
        if (content == NONE) {
            for (int i = 0; i < headerView.size(); i++) {
                if (i != seq && i != units && i != category) {
                    content = i;
                    break;
                }
            }
        }
        return Optional.of(new TableColumns(headerView.size(), seq, category, content, units));
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
        return cell.replaceAll("[\\s\\u3000|]+", "");
    }
}
