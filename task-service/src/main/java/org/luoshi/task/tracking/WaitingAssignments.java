package org.luoshi.task.tracking;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.luoshi.events.model.AgencySnapshot;
import org.luoshi.events.model.TaskEvent;
import org.luoshi.platform.text.ChineseText;
import org.luoshi.task.api.model.AssignmentKind;

/**
 * Assignments kept with only the name a document wrote wait for an agency of that name. When a snapshot shows an
 * active agency carrying the name (typically a curator's alias, arriving as AgencyUpdated) in a jurisdiction that
 * contains the document's, the assignments take its id and each task gets one TaskAssigned.
 */
@ApplicationScoped
public class WaitingAssignments {

    private static final String NATIONAL = "100000";

    private final TaskService tasks;
    private final TaskMapper mapper;
    private final TaskEvents events;

    public WaitingAssignments(TaskService tasks, TaskMapper mapper, TaskEvents events) {
        this.tasks = tasks;
        this.mapper = mapper;
        this.events = events;
    }

    /** An active agency that may take waiting assignments: where its documents are, and the names it goes by. */
    private record Candidate(UUID id, String area, Set<String> nameKeys) {
    }

    /**
     * Call inside the consumer's transaction, after the directory took the snapshots. The snapshots are those of one
     * poll, in the order they came: an assignment goes to the first active agency among them whose names and
     * jurisdiction fit, as when they were applied one at a time. One query finds the waiting assignments of the
     * poll's provinces, whatever the number of snapshots (a republished registry is a burst of hundreds).
     *
     * @return the number of tasks whose assignments were resolved
     */
    public Uni<Integer> resolve(List<AgencySnapshot> snapshots) {
        List<Candidate> candidates = snapshots.stream().filter(a -> a.getStatus() == AgencySnapshot.StatusEnum.ACTIVE)
                .map(a -> new Candidate(a.getId(), area(a.getDivisionCode()), nameKeys(a))).toList();
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // a national agency may take any document's names; the others those of their province (refined below)
        boolean national = candidates.stream().anyMatch(c -> c.area().isEmpty());
        Set<String> provinces = new HashSet<>();
        candidates.forEach(c -> provinces.add(national ? "" : c.area().substring(0, 2)));
        String query = """
                select a, d.jurisdiction from Assignment a, Task t, PolicyDocument d
                where a.key.taskId = t.id and t.documentId = d.id and a.agencyId is null and a.kind = :kind"""
                + (national ? "" : " and substring(d.jurisdiction, 1, 2) in :provinces")
                + " order by a.key.taskId, a.key.position";
        return Panache.getSession().flatMap(session -> {
            var select = session.createSelectionQuery(query, Object[].class).setParameter("kind", AssignmentKind.AGENCY);
            return (national ? select : select.setParameter("provinces", provinces)).getResultList();
        }).flatMap(rows -> {
            Map<UUID, List<Assignment>> matched = new LinkedHashMap<>();
            for (Object[] row : rows) {
                Assignment assignment = (Assignment) row[0];
                String jurisdiction = (String) row[1];
                if (assignment.rawName == null) {
                    continue;
                }
                String key = ChineseText.nameKey(assignment.rawName);
                candidates.stream()
                        .filter(c -> jurisdiction != null && jurisdiction.startsWith(c.area()) && c.nameKeys().contains(key))
                        .findFirst()
                        .ifPresent(c -> {
                            assignment.agencyId = c.id();
                            matched.computeIfAbsent(assignment.key.taskId(), k -> new ArrayList<>()).add(assignment);
                        });
            }
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (UUID taskId : matched.keySet()) {
                chain = chain.flatMap(count -> announce(taskId).map(done -> count + 1));
            }
            return chain;
        });
    }

    private Uni<TaskView> announce(UUID taskId) {
        return Task.<Task>findById(taskId).flatMap(task -> {
            task.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            return Panache.flush().flatMap(flushed -> tasks.load(task))
                    .flatMap(view -> events.publish("TaskAssigned", view,
                            new TaskEvent(mapper.toSnapshot(view)).changedFields(List.of("assignments"))));
        });
    }

    private static Set<String> nameKeys(AgencySnapshot agency) {
        Set<String> keys = new HashSet<>();
        keys.add(ChineseText.nameKey(agency.getName()));
        if (agency.getShortName() != null) {
            keys.add(ChineseText.nameKey(agency.getShortName()));
        }
        if (agency.getOtherNames() != null) {
            agency.getOtherNames().forEach(n -> keys.add(ChineseText.nameKey(n.getName())));
        }
        return keys;
    }

    /** The prefix of the jurisdictions whose documents may mean a unit of this division code. */
    static String area(String agencyCode) {
        if (agencyCode == null || NATIONAL.equals(agencyCode)) {
            return "";
        }
        if (agencyCode.endsWith("0000")) {
            return agencyCode.substring(0, 2);
        }
        return agencyCode.endsWith("00") ? agencyCode.substring(0, 4) : agencyCode;
    }
}
