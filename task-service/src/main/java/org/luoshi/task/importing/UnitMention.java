package org.luoshi.task.importing;

import org.luoshi.task.api.model.AssignmentKind;
import org.luoshi.task.api.model.AssignmentRole;

/**
 * A responsible unit as a task names it.
 *
 * @param rawName the name as written (cleaned of OCR spacing, pinyin and mojibake, script kept), never containing
 *                role words
 * @param role    LEAD (牵头, before 会同, first of a plain list), PARTICIPANT (参与/配合, after 会同; the rest of a
 *                plain list where the document's note says so) or RESPONSIBLE (按职责分工负责, 各负其责, a government
 *                group in its own jurisdiction, the rest of a plain list)
 * @param kind    AGENCY for a named unit, GROUP for a collective such as 各市州人民政府, UNSPECIFIED for unnamed
 *                units such as 有关部门
 * @param order   1-based position in the document's list
 * @param impliedName the name with the level prefix (省, 市, 县, 区) that the list wrote only on an earlier unit
 *                (省教育厅、发展改革委 → 省发展改革委), or the government words a list of places shares
 *                (武汉、宜昌市人民政府 → 武汉市人民政府), or the name without the other name or qualifier in brackets
 *                after it (市交通运输局（市港航事业发展中心） → 市交通运输局), or null; a reading to try before {@code rawName}
 * @param plain   whether the role follows the convention for a list without role words (the first LEAD, the others
 *                RESPONSIBLE), which a document's note may say otherwise ({@link RoleConvention})
 */
public record UnitMention(String rawName, AssignmentRole role, AssignmentKind kind, int order, String impliedName,
        boolean plain) {

    public UnitMention(String rawName, AssignmentRole role, AssignmentKind kind, int order) {
        this(rawName, role, kind, order, null, false);
    }

    public UnitMention(String rawName, AssignmentRole role, AssignmentKind kind, int order, String impliedName) {
        this(rawName, role, kind, order, impliedName, false);
    }

    /** The same unit in another role. */
    public UnitMention inRole(AssignmentRole other) {
        return new UnitMention(rawName, other, kind, order, impliedName, plain);
    }

    /** The names to resolve, the most specific first. */
    public java.util.List<String> readings() {
        return impliedName == null ? java.util.List.of(rawName) : java.util.List.of(impliedName, rawName);
    }
}
