package org.luoshi.task.directory;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.luoshi.events.model.AgencySnapshot;
import org.luoshi.task.tracking.MemberRules;

/** The local replica of the agency directory: display names and existence checks without calling agency-service. */
@ApplicationScoped
public class AgencyDirectory implements PanacheRepositoryBase<DirectoryAgency, UUID> {

    private final Clock clock;

    public AgencyDirectory(Clock clock) {
        this.clock = clock;
    }

    public Uni<Map<UUID, DirectoryAgency>> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        if (ids.size() == 1) { // found by id: no query to translate
            UUID id = ids.iterator().next();
            return findById(id).map(agency -> agency == null ? Map.<UUID, DirectoryAgency>of() : Map.of(id, agency));
        }
        return list("id in ?1", ids).map(AgencyDirectory::byId);
    }

    /**
     * As {@link #byIds}, read FOR SHARE, for assigning them: a reorganization being applied to them (the consumer
     * writes their rows before it follows the reorganization) waits for the caller's transaction and then moves its
     * assignments too, or the caller waits for the reorganization and sees them ended.
     */
    public Uni<Map<UUID, DirectoryAgency>> byIdsForAssignment(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return find("id in ?1", ids).withLock(LockModeType.PESSIMISTIC_READ).list().map(AgencyDirectory::byId);
    }

    private static Map<UUID, DirectoryAgency> byId(List<DirectoryAgency> agencies) {
        return agencies.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
    }

    /**
     * Applies snapshots in their order, each unless the replica (or an earlier one of them) already holds the same or
     * a newer version of its agency: one query reads the agencies they are about, the new ones are inserted with the
     * transaction's statement batches.
     *
     * @param successorIdsJson each snapshot's successor ids as a JSON array
     * @return the snapshots that are what their agency is now, in their order (applied, or repeats of the replica's
     *     version; not those older than it), and among them the agencies that are new to the replica or changed where
     *     they stand (parent, division, level, classification, status), which groups may gain or lose
     */
    public Uni<Applied> applyAll(List<AgencySnapshot> snapshots, Function<AgencySnapshot, String> successorIdsJson) {
        Set<UUID> ids = new LinkedHashSet<>();
        snapshots.forEach(s -> ids.add(s.getId()));
        LocalDate today = LocalDate.now(clock);
        // locked, in one order: a founding-day check (FoundedUnits) joining one of them meanwhile commits first, and
        // the placement read here is the one it left
        return find("id in ?1 order by id", ids).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .flatMap(stored -> applied(snapshots, byId(stored), successorIdsJson, today));
    }

    /** {@link #applyAll} on the rows the replica holds of these agencies, locked. */
    private Uni<Applied> applied(List<AgencySnapshot> snapshots, Map<UUID, DirectoryAgency> stored,
            Function<AgencySnapshot, String> successorIdsJson, LocalDate today) {
        Map<UUID, DirectoryAgency> current = new HashMap<>(stored);
        List<DirectoryAgency> created = new ArrayList<>();
        List<AgencySnapshot> currentSnapshots = new ArrayList<>();
        // per unit placed anew, where the replica held it before the run (null: new) and its latest snapshot
        Map<UUID, MemberRules.Placement> before = new LinkedHashMap<>();
        Map<UUID, AgencySnapshot> placed = new LinkedHashMap<>();
        for (AgencySnapshot snapshot : snapshots) {
            DirectoryAgency agency = current.get(snapshot.getId());
            if (agency != null && agency.version >= snapshot.getVersion()) {
                if (agency.version == snapshot.getVersion()) {
                    currentSnapshots.add(snapshot); // a repeat (a republished registry) is still what the agency is
                    if (agency.level == null && snapshot.getLevel() != null
                            || agency.identifiers == null && snapshot.getIdentifiers() != null
                            || agency.foundingDate == null && snapshot.getFoundingDate() != null) {
                        // a row kept before the replica held levels, identifiers or founding days: the repeat gives
                        // them, and the groups they place it in
                        before.putIfAbsent(agency.id, MemberRules.Placement.of(agency));
                        copy(snapshot, successorIdsJson.apply(snapshot), agency, today);
                        placed.put(agency.id, snapshot);
                    }
                }
                continue;
            }
            if (agency == null) {
                agency = new DirectoryAgency();
                current.put(snapshot.getId(), agency);
                created.add(agency);
                before.putIfAbsent(snapshot.getId(), null);
                placed.put(snapshot.getId(), snapshot);
            } else if (!placedAs(agency, snapshot) || agency.foundingPending && !foundedAfter(snapshot, today)) {
                // moved, reclassified, ended; or a unit waiting for its founding day that has come (the check that
                // joins such units has not run yet, and the copy below ends its waiting)
                if (!before.containsKey(agency.id)) {
                    before.put(agency.id, MemberRules.Placement.of(agency));
                }
                placed.put(agency.id, snapshot);
            } else if (placed.containsKey(agency.id)) {
                placed.put(agency.id, snapshot); // the run's latest snapshot of a unit placed anew in it
            }
            copy(snapshot, successorIdsJson.apply(snapshot), agency, today);
            currentSnapshots.add(snapshot);
        }
        List<Placed> moves = placed.values().stream().map(now -> new Placed(now.getId(),
                MemberRules.Placement.of(now, today), before.get(now.getId()))).toList();
        return (created.isEmpty() ? Uni.createFrom().voidItem() : persist(created))
                .replaceWith(new Applied(currentSnapshots, moves));
    }

    /**
     * What {@link #applyAll} did: the snapshots that are current, and the units new to the replica or placed anew, once
     * each however many of their snapshots the run held.
     */
    public record Applied(List<AgencySnapshot> current, List<Placed> placed) {
    }

    /**
     * A unit placed anew: where it stands now (by its latest snapshot, or on its founding day), and where the replica
     * held it before (null when it was new to it).
     */
    public record Placed(UUID id, MemberRules.Placement now, MemberRules.Placement before) {
    }

    /**
     * Whether the replica holds the agency where the snapshot places it: same parent, division, level, classification,
     * status, founding day and identifiers (the kinds group rules may ask for; a snapshot without them says nothing of
     * them).
     */
    private static boolean placedAs(DirectoryAgency agency, AgencySnapshot snapshot) {
        return Objects.equals(agency.foundingDate, snapshot.getFoundingDate())
                && (snapshot.getIdentifiers() == null
                        || Objects.equals(agency.identifierSet(), MemberRules.identifiers(snapshot)))
                && Objects.equals(agency.parentId, snapshot.getParentId())
                && Objects.equals(agency.divisionCode, snapshot.getDivisionCode())
                && Objects.equals(agency.level, snapshot.getLevel())
                && Objects.equals(agency.classification, snapshot.getClassification())
                && agency.status.equals(snapshot.getStatus().toString());
    }

    /** Whether the snapshot founds its agency for a day after this one. */
    private static boolean foundedAfter(AgencySnapshot snapshot, LocalDate today) {
        return snapshot.getFoundingDate() != null && snapshot.getFoundingDate().isAfter(today);
    }

    private static void copy(AgencySnapshot snapshot, String successorIdsJson, DirectoryAgency agency, LocalDate today) {
        if (snapshot.getIdentifiers() != null) {
            // a snapshot without them (from an agency-service before identifiers travelled) leaves the known ones
            agency.identifierSet(MemberRules.identifiers(snapshot));
        }
        agency.foundingDate = snapshot.getFoundingDate();
        agency.foundingPending = foundedAfter(snapshot, today);
        agency.id = snapshot.getId();
        agency.name = snapshot.getName();
        agency.parentId = snapshot.getParentId();
        agency.classification = snapshot.getClassification();
        agency.level = snapshot.getLevel();
        agency.divisionCode = snapshot.getDivisionCode();
        agency.status = snapshot.getStatus().toString();
        agency.successorIds = successorIdsJson;
        agency.version = snapshot.getVersion();
    }

    /** The agency and every unit below it in the replica (bounded depth: province → city → bureau → county → …). */
    public Uni<List<UUID>> withDescendants(UUID root) {
        return below(List.of(root), new LinkedHashSet<>(List.of(root)), 8).map(List::copyOf);
    }

    private Uni<Set<UUID>> below(List<UUID> parents, Set<UUID> found, int depthLeft) {
        if (parents.isEmpty() || depthLeft == 0) {
            return Uni.createFrom().item(found);
        }
        return list("parentId in ?1", parents).flatMap(children -> {
            List<UUID> fresh = children.stream().map(c -> c.id).filter(found::add).toList();
            return below(fresh, found, depthLeft - 1);
        });
    }

    public static List<UUID> idsOf(Collection<DirectoryAgency> agencies) {
        return agencies.stream().map(a -> a.id).toList();
    }
}
