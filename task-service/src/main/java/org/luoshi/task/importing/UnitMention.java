package org.luoshi.task.importing;

import org.luoshi.task.api.model.AssignmentKind;
import org.luoshi.task.api.model.AssignmentRole;

/**
 * A responsible unit as a task names it.
 *
 * @param rawName the name as written (cleaned of OCR spacing, pinyin and mojibake, script kept), never containing
 *                role words
 * @param role    LEAD (牵头, before 会同, first of a plain list), PARTICIPANT (参与/配合, after 会同, rest of a plain
 *                list) or RESPONSIBLE (按职责分工负责, 各负其责, a government group in its own jurisdiction)
 * @param kind    AGENCY for a named unit, GROUP for a collective such as 各市州人民政府, UNSPECIFIED for unnamed
 *                units such as 有关部门
 * @param order   1-based position in the document's list
 * @param impliedName the name with the level prefix (省, 市, 县, 区) that the list wrote only on an earlier unit
 *                (省教育厅、发展改革委 → 省发展改革委), or the government words a list of places shares
 *                (武汉、宜昌市人民政府 → 武汉市人民政府), or null; a reading to try before {@code rawName}
 */
public record UnitMention(String rawName, AssignmentRole role, AssignmentKind kind, int order, String impliedName) {

    public UnitMention(String rawName, AssignmentRole role, AssignmentKind kind, int order) {
        this(rawName, role, kind, order, null);
    }

    /** The names to resolve, the most specific first. */
    public java.util.List<String> readings() {
        return impliedName == null ? java.util.List.of(rawName) : java.util.List.of(impliedName, rawName);
    }
}
