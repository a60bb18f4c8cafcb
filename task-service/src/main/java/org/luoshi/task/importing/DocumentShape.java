package org.luoshi.task.importing;

/** How a document lays out its tasks. */
public enum DocumentShape {
    /**
     * A table whose cells are separated by tabs (one row per line, or one cell per line with rows between blank lines),
     * or a PDF's table text: one cell per line without any tab ({@link LineCellTable}), or laid out with spaces
     * ({@link AlignedTable}).
     */
    TAB_TABLE,
    /** Annex rows whose cells end with {@code " |"}; the detailed content is the body paragraph with the same number. */
    PIPE_ANNEX,
    /** Numbered paragraphs （一）… each ending with its units in parentheses, with numbered sub-items 1. 2. */
    NUMBERED_PARAGRAPHS,
    /** None of the above: no tasks were found. */
    UNKNOWN
}
