package org.luoshi.agency.reorganization;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.luoshi.agency.api.model.AgencyStatus;
import org.luoshi.agency.naming.NameResolver;
import org.luoshi.agency.registry.Agency;
import org.luoshi.agency.registry.AgencyEvents;
import org.luoshi.agency.registry.AgencyRepository;
import org.luoshi.agency.registry.AgencyService;
import org.luoshi.agency.registry.HierarchyLock;
import org.luoshi.agency.api.model.ReorganizationCreate;
import org.luoshi.agency.api.model.ResultingAgency;
import org.luoshi.platform.problem.ProblemException;

/**
 * Applies a reorganization in one transaction: the originals end (or move), the resulting units begin, each
 * agency's history records it, and every affected agency's snapshot is announced with the reorganization attached.
 */
@ApplicationScoped
public class ReorganizationService {

    private static final Map<Reorganization.Type, String> EVENT = Map.of(
            Reorganization.Type.RENAME, "AgencyRenamed",
            Reorganization.Type.MERGE, "AgenciesMerged",
            Reorganization.Type.SPLIT, "AgencySplit",
            Reorganization.Type.DISSOLVE, "AgencyDissolved",
            Reorganization.Type.MOVE, "AgencyMoved");

    /**
     * What to apply; for MOVE the single resulting id is the new parent.
     *
     * @param begun the results that begin with this reorganization (founded on effectiveOn); the others existed before
     *        and take over from the originals, their founding date untouched
     */
    public record Change(UUID id, Reorganization.Type type, LocalDate effectiveOn, String basis, List<UUID> originalIds,
            List<UUID> resultingIds, Set<UUID> begun) {
    }

    private final AgencyRepository agencies;
    private final AgencyService agencyService;
    private final AgencyEvents events;
    private final NameResolver names;
    private final Clock clock;

    public ReorganizationService(AgencyRepository agencies, AgencyService agencyService, AgencyEvents events,
            NameResolver names, Clock clock) {
        this.agencies = agencies;
        this.agencyService = agencyService;
        this.events = events;
        this.names = names;
        this.clock = clock;
    }

    /** Applies a reorganization asked for through the API; new resulting agencies are created in the same transaction. */
    public Uni<org.luoshi.agency.api.model.Reorganization> apply(ReorganizationCreate request) {
        UUID id = UUID.randomUUID();
        List<ResultingAgency> resulting = request.getResulting() == null ? List.of() : request.getResulting();
        for (ResultingAgency result : resulting) {
            if ((result.getId() == null) == (result.getCreate() == null)) {
                throw ProblemException.badRequest("each resulting agency needs either an id or a create, not both");
            }
        }
        return Panache.withTransaction(() -> {
            Uni<List<UUID>> resultIds = HierarchyLock.acquire().replaceWith(List.of());
            for (ResultingAgency result : resulting) {
                resultIds = resultIds.flatMap(done -> (result.getId() != null
                        ? Uni.createFrom().item(result.getId())
                        : agencyService.register(UUID.randomUUID(), result.getCreate()).map(created -> created.id))
                        .map(next -> {
                            List<UUID> all = new ArrayList<>(done);
                            all.add(next);
                            return all;
                        }));
            }
            return resultIds.flatMap(ids -> {
                // the results created here begin with the reorganization; those named by id existed before it
                Set<UUID> created = new HashSet<>();
                for (int i = 0; i < ids.size(); i++) {
                    if (resulting.get(i).getCreate() != null) {
                        created.add(ids.get(i));
                    }
                }
                Change change = new Change(id, Reorganization.Type.valueOf(request.getType().toString()),
                        request.getEffectiveOn(), request.getBasis(), request.getOriginalIds(), ids, created);
                return load(change).flatMap(byId -> record(change, byId)).replaceWith(new org.luoshi.agency.api.model.Reorganization(
                        id, request.getType(), request.getEffectiveOn(), change.originalIds(), ids).basis(request.getBasis()));
            });
        }).invoke(names::invalidate);
    }

    /**
     * Where the units moved after {@code asOf} stood on that day: for each, the parent its first MOVE after that day
     * took it from (a null parent: it had none). Units not in the map stood under their current parent.
     */
    public Uni<ParentsOn> parentsOn(LocalDate asOf) {
        if (asOf == null) {
            return Uni.createFrom().item(ParentsOn.NONE);
        }
        return Panache.withSession(() -> AgencyHistory.<AgencyHistory>list("change = 'MOVED' and previousParentKnown = true"
                + " and effectiveOn > ?1 order by effectiveOn, id", asOf)).map(lines -> {
                    Map<UUID, UUID> before = new HashMap<>();
                    lines.forEach(line -> {
                        if (!before.containsKey(line.agencyId)) {
                            before.put(line.agencyId, line.previousParentId);
                        }
                    });
                    return new ParentsOn(before);
                });
    }

    /** The history of one agency, oldest first. */
    public Uni<List<AgencyHistory>> history(UUID agencyId) {
        return Panache.withSession(() -> agencies.findById(agencyId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("agency", agencyId))
                .flatMap(agency -> AgencyHistory.<AgencyHistory>list("agencyId = ?1 order by effectiveOn, id", agencyId)));
    }

    /** @return false when a reorganization with this id had already been applied (nothing changes twice) */
    public Uni<Boolean> apply(Change change) {
        return Panache.withTransaction(() -> HierarchyLock.acquire()
                .flatMap(locked -> Reorganization.<Reorganization>findById(change.id()))
                .flatMap(existing -> existing != null
                        ? Uni.createFrom().item(false)
                        : load(change).flatMap(byId -> record(change, byId)).replaceWith(true)))
                .invoke(names::invalidate);
    }

    private Uni<Map<UUID, Agency>> load(Change change) {
        Set<UUID> ids = new LinkedHashSet<>(change.originalIds());
        ids.addAll(change.resultingIds());
        if (change.effectiveOn().isAfter(LocalDate.now(clock))) {
            // applied at once, it would dissolve and re-point today what only ends then
            return Uni.createFrom().failure(ProblemException.unprocessable("effectiveOn " + change.effectiveOn()
                    + " is in the future: record a reorganization on or after the day it takes effect"));
        }
        return agencies.list("id in ?1", ids).flatMap(found -> {
            Map<UUID, Agency> byId = found.stream().collect(Collectors.toMap(a -> a.id, Function.identity()));
            validate(change, byId, ids);
            if (change.type() == Reorganization.Type.MOVE) {
                return Uni.createFrom().item(byId);
            }
            // an ended unit keeps no active children: the hierarchy below it would hang from a dead end, unseen under
            // its successor. Moving them is a decision of its own (a MOVE each), taken first
            // (units ending with it in the same reorganization do not count)
            return agencies.count("parentId in ?1 and status = ?2 and id not in ?1", change.originalIds(), AgencyStatus.ACTIVE)
                    .map(children -> {
                        if (children > 0) {
                            throw ProblemException.conflict(children + " active agencies are under "
                                    + change.originalIds().stream().map(o -> byId.get(o).name).collect(Collectors.joining("、"))
                                    + ": MOVE them to their new parent, or reorganize them, before this " + change.type());
                        }
                        return byId;
                    });
        });
    }

    private static void validate(Change change, Map<UUID, Agency> byId, Set<UUID> ids) {
        ids.stream().filter(id -> !byId.containsKey(id)).findFirst().ifPresent(id -> {
            throw ProblemException.unprocessable("agency " + id + " does not exist");
        });
        int originals = change.originalIds().size();
        int resulting = change.resultingIds().size();
        boolean shapeOk = switch (change.type()) {
            case RENAME -> originals == 1 && resulting == 1;
            case MERGE -> originals >= 2 && resulting == 1;
            case SPLIT -> originals == 1 && resulting >= 2;
            case DISSOLVE -> originals >= 1;
            case MOVE -> originals >= 1 && resulting == 1;
        };
        if (!shapeOk) {
            throw ProblemException.unprocessable(change.type() + " cannot have " + originals + " original and "
                    + resulting + " resulting agencies");
        }
        for (List<UUID> listed : List.of(change.originalIds(), change.resultingIds())) {
            Set<UUID> seen = new HashSet<>();
            listed.stream().filter(listedId -> !seen.add(listedId)).findFirst().ifPresent(twice -> {
                throw ProblemException.unprocessable(byId.get(twice).name + " (" + twice + ") is listed twice");
            });
        }
        for (UUID id : change.resultingIds()) {
            Agency result = byId.get(id);
            // a dissolved agency receives no names, units or children: the registry would point at a dead end
            if (result.status == AgencyStatus.DISSOLVED) {
                throw ProblemException.conflict(result.name + " is dissolved: it cannot be the "
                        + (change.type() == Reorganization.Type.MOVE ? "new parent" : "result") + " of a " + change.type());
            }
        }
        if (change.type() != Reorganization.Type.MOVE
                && change.originalIds().stream().anyMatch(change.resultingIds()::contains)) {
            throw ProblemException.unprocessable("an agency cannot be both an original and a result of a " + change.type());
        }
        for (UUID id : change.originalIds()) {
            Agency original = byId.get(id);
            if (original.status == AgencyStatus.DISSOLVED) {
                throw ProblemException.conflict(original.name + " is already dissolved");
            }
            if (original.foundingDate != null && change.effectiveOn().isBefore(original.foundingDate)) {
                throw ProblemException.unprocessable(original.name + " was founded on " + original.foundingDate
                        + ", after " + change.effectiveOn());
            }
        }
    }

    private Uni<Void> record(Change change, Map<UUID, Agency> byId) {
        Reorganization reorganization = new Reorganization();
        reorganization.id = change.id();
        reorganization.type = change.type();
        reorganization.effectiveOn = change.effectiveOn();
        reorganization.basis = change.basis();
        reorganization.originalIds = List.copyOf(change.originalIds());
        reorganization.resultingIds = List.copyOf(change.resultingIds());
        reorganization.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        Uni<Void> moveChecked = change.type() == Reorganization.Type.MOVE
                ? refuseCycle(change.originalIds(), change.resultingIds().get(0))
                : Uni.createFrom().voidItem();
        List<AgencyHistory> history = new ArrayList<>();
        for (UUID id : change.originalIds()) {
            Agency original = byId.get(id);
            if (change.type() == Reorganization.Type.MOVE) {
                AgencyHistory moved = line(original.id, change, "MOVED", "new parent " + byId.get(change.resultingIds().get(0)).name);
                moved.previousParentId = original.parentId;
                moved.previousParentKnown = true;
                original.parentId = change.resultingIds().get(0);
                history.add(moved);
            } else {
                original.status = AgencyStatus.DISSOLVED;
                original.dissolutionDate = change.effectiveOn();
                original.successorIds = new ArrayList<>(change.resultingIds());
                history.add(line(original.id, change, "DISSOLVED", change.type() + (change.basis() == null ? "" : ": " + change.basis())));
            }
            original.updatedAt = reorganization.recordedAt;
        }
        if (change.type() != Reorganization.Type.MOVE) {
            for (UUID id : change.resultingIds()) {
                Agency result = byId.get(id);
                boolean begun = change.begun().contains(id);
                if (begun && result.foundingDate == null) {
                    result.foundingDate = change.effectiveOn();
                }
                for (UUID originalId : change.originalIds()) {
                    Agency original = byId.get(originalId);
                    if (result.otherNames.stream().noneMatch(n -> n.name().equals(original.name))) {
                        result.otherNames.add(new Agency.NameEntry(original.name, "FORMER"));
                    }
                }
                result.updatedAt = reorganization.recordedAt;
                history.add(line(result.id, change, begun ? "FOUNDED" : "SUCCEEDED", change.type() + " of "
                        + change.originalIds().stream().map(o -> byId.get(o).name).collect(Collectors.joining("、"))));
            }
        }
        var payload = new org.luoshi.events.model.Reorganization(reorganization.id,
                org.luoshi.events.model.Reorganization.TypeEnum.fromValue(change.type().name()), change.effectiveOn(),
                change.originalIds(), change.resultingIds()).basis(change.basis());
        Set<UUID> affected = new LinkedHashSet<>(change.originalIds());
        if (change.type() != Reorganization.Type.MOVE) {
            affected.addAll(change.resultingIds());
        }
        Uni<Void> chain = moveChecked
                .flatMap(ok -> reorganization.persist())
                .flatMap(saved -> AgencyHistory.persist(history));
        for (UUID id : affected) {
            chain = chain.flatMap(done -> events.publish(EVENT.get(change.type()), byId.get(id), null, payload)).replaceWithVoid();
        }
        return chain;
    }

    /** A unit cannot move under itself or under one of its descendants. */
    private Uni<Void> refuseCycle(List<UUID> moved, UUID newParent) {
        return ancestors(newParent, new HashSet<>()).map(chain -> {
            if (moved.stream().anyMatch(chain::contains)) {
                throw ProblemException.unprocessable("the move would make an agency its own ancestor");
            }
            return null;
        });
    }

    private Uni<Set<UUID>> ancestors(UUID id, Set<UUID> seen) {
        if (id == null || !seen.add(id)) {
            return Uni.createFrom().item(seen);
        }
        return agencies.findById(id).flatMap(agency -> ancestors(agency == null ? null : agency.parentId, seen));
    }

    private static AgencyHistory line(UUID agencyId, Change change, String what, String detail) {
        AgencyHistory line = new AgencyHistory();
        line.agencyId = agencyId;
        line.reorganizationId = change.id();
        line.change = what;
        line.effectiveOn = change.effectiveOn();
        line.detail = detail == null ? null : detail.length() > 1000 ? detail.substring(0, 1000) : detail;
        line.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return line;
    }
}
