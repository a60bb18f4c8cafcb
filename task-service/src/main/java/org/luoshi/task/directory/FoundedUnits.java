package org.luoshi.task.directory;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.luoshi.task.tracking.GroupMembers;
import org.luoshi.task.tracking.MemberRules;

/**
 * Units agency-service announced before their founding day (a county founded from 1 January) join no group by rule
 * until then ({@link MemberRules.Placement}); here, the day it comes, each joins the groups of open tasks whose rule
 * it meets, as a unit announced that day would.
 */
@ApplicationScoped
public class FoundedUnits {

    private final GroupMembers groups;
    private final Clock clock;

    public FoundedUnits(GroupMembers groups, Clock clock) {
        this.groups = groups;
        this.clock = clock;
    }

    @Scheduled(every = "${luoshi.directory.founding-check:1h}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> scheduledCheck() {
        return joinFounded().invoke(tasks -> {
            if (tasks > 0) {
                Log.infof("agency directory: units whose founding day came joined the groups of %d tasks", tasks);
            }
        }).onFailure().invoke(e -> Log.warn("agency directory: founded units not joined; the next check retries", e))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * Joins the units whose founding day has come to their groups, in one transaction; their rows are locked first, as
     * the directory consumer's writes lock them, so that a snapshot applied meanwhile is seen or sees them joined.
     *
     * @return how many tasks changed
     */
    public Uni<Integer> joinFounded() {
        LocalDate today = LocalDate.now(clock);
        return Panache.withTransaction(() -> DirectoryAgency.<DirectoryAgency>find(
                        "foundingPending = true and foundingDate <= ?1 order by id", today)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .flatMap(units -> {
                    if (units.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    List<AgencyDirectory.Placed> placed = units.stream().map(unit -> {
                        MemberRules.Placement waiting = MemberRules.Placement.of(unit);
                        unit.foundingPending = false;
                        return new AgencyDirectory.Placed(unit.id, MemberRules.Placement.of(unit), waiting);
                    }).toList();
                    return Panache.flush().flatMap(x -> groups.follow(placed));
                }));
    }
}
