package org.luoshi.task.importing;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.luoshi.task.api.model.AssignmentRole;

/**
 * A document's note on how to read its unit lists, commonly printed under a task table: {@code 注：排在第一位的为牵头单位，
 * 其他为配合单位}. Lists without role words then name a lead and the units assisting it (PARTICIPANT), where the
 * convention without such a note makes the others each responsible within their remit (RESPONSIBLE). The note is read
 * for the whole document, its body's paragraphs too: such a note speaks of the document's unit lists, wherever printed.
 */
final class RoleConvention {

    private static final Pattern OTHERS_ASSIST = Pattern.compile(
            "(?:排在|排名|排序|列|位列)?(?:第一位|第一个|首位|首个|第一)的?(?:单位|部门)?(?:为|是)牵头(?:单位|部门)[，,；;、]?"
                    + "(?:其他|其余|其它|其后|后面|之后)的?(?:单位|部门)?(?:均为|为|是)(?:配合|参与|协办|协同)(?:单位|部门)");

    private RoleConvention() {
    }

    /** The note saying that the units after a list's first assist it, as written, if the document has one. */
    static Optional<String> othersAssist(CleanDocument document) {
        Matcher note = OTHERS_ASSIST.matcher(document.view());
        return note.find() ? Optional.of(document.text().substring(note.start(), note.end())) : Optional.empty();
    }

    /** The tasks with their lists without role words read as the note says: the first LEAD, the others PARTICIPANT. */
    static List<ParsedTask> othersAssisting(List<ParsedTask> tasks) {
        return tasks.stream().map(task -> task.withUnits(task.units().stream()
                .map(unit -> unit.plain() && unit.role() == AssignmentRole.RESPONSIBLE
                        ? unit.inRole(AssignmentRole.PARTICIPANT) : unit)
                .toList())).toList();
    }
}
