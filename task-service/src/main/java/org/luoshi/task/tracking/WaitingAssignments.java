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

    /** Call inside the consumer's transaction, after the directory took the snapshot. */
    public Uni<Integer> resolve(AgencySnapshot agency) {
        if (agency.getStatus() != AgencySnapshot.StatusEnum.ACTIVE) {
            return Uni.createFrom().item(0);
        }
        Set<String> names = nameKeys(agency);
        return Panache.getSession().flatMap(session -> session.createSelectionQuery("""
                        select a from Assignment a, Task t, PolicyDocument d
                        where a.key.taskId = t.id and t.documentId = d.id and a.agencyId is null and a.kind = :kind
                        and d.jurisdiction like :area
                        order by a.key.taskId, a.key.position""", Assignment.class)
                .setParameter("kind", AssignmentKind.AGENCY)
                .setParameter("area", area(agency.getDivisionCode()) + "%")
                .getResultList())
                .flatMap(rows -> {
                    Map<UUID, List<Assignment>> matched = new LinkedHashMap<>();
                    for (Assignment assignment : rows) {
                        if (assignment.rawName != null && names.contains(ChineseText.nameKey(assignment.rawName))) {
                            assignment.agencyId = agency.getId();
                            matched.computeIfAbsent(assignment.key.taskId(), k -> new ArrayList<>()).add(assignment);
                        }
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
