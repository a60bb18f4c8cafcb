package org.luoshi.agency.registry;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.luoshi.agency.reorganization.ParentsOn;
import org.luoshi.agency.api.model.AgencyCreate;
import org.luoshi.agency.api.model.AgencyPatch;
import org.luoshi.agency.api.model.AgencyStatus;
import org.luoshi.agency.naming.NameResolver;
import org.luoshi.platform.http.Cursor;
import org.luoshi.platform.http.ETags;
import org.luoshi.platform.problem.ProblemException;

/** The registry's use cases; each write and its event commit in one transaction. */
@ApplicationScoped
public class AgencyService {

    private final AgencyRepository agencies;
    private final AgencyMapper mapper;
    private final AgencyEvents events;
    private final NameResolver names;
    private final Clock clock;

    public AgencyService(AgencyRepository agencies, AgencyMapper mapper, AgencyEvents events, NameResolver names,
            Clock clock) {
        this.agencies = agencies;
        this.mapper = mapper;
        this.events = events;
        this.names = names;
        this.clock = clock;
    }

    public Uni<Agency> create(AgencyCreate request) {
        return create(UUID.randomUUID(), request);
    }

    /** Registers an agency under a given id (reference data uses ids derived from stable keys). */
    public Uni<Agency> create(UUID id, AgencyCreate request) {
        return Panache.withTransaction(() -> insert(id, request)).invoke(names::invalidate);
    }

    /** Registers an agency inside the caller's transaction (a reorganization creating its results). */
    public Uni<Agency> register(UUID id, AgencyCreate request) {
        return insert(id, request);
    }

    private Uni<Agency> insert(UUID id, AgencyCreate request) {
        Agency agency = new Agency();
        agency.id = id;
        agency.name = ProblemException.requireText("name", request.getName());
        agency.shortName = request.getShortName() == null ? null : request.getShortName().strip();
        agency.otherNames = new ArrayList<>(mapper.toNameEntries(request.getOtherNames()));
        agency.classification = request.getClassification();
        agency.level = request.getLevel();
        agency.divisionCode = request.getDivisionCode();
        agency.parentId = request.getParentId();
        agency.identifiers = new ArrayList<>(mapper.toIdentifierEntries(request.getIdentifiers()));
        agency.foundingDate = request.getFoundingDate();
        agency.status = AgencyStatus.ACTIVE;
        agency.createdAt = agency.updatedAt = now();
        return checkParent(agency.parentId)
                .flatMap(ignored -> checkNameFree(agency))
                .flatMap(ignored -> agencies.persist(agency))
                .flatMap(saved -> publish("AgencyCreated", saved, List.of()));
    }

    @WithSession
    public Uni<Agency> get(UUID id) {
        return agencies.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("agency", id));
    }

    /** The agency if it existed on the date (null date: now). */
    @WithSession
    public Uni<Agency> get(UUID id, LocalDate asOf) {
        return get(id).map(agency -> {
            if (!existedOn(agency, asOf)) {
                throw ProblemException.notFound("agency", id);
            }
            return agency;
        });
    }

    static boolean existedOn(Agency agency, LocalDate asOf) {
        return asOf == null || agency.foundingDate == null || !agency.foundingDate.isAfter(asOf);
    }

    @WithSession
    public Uni<Page> list(AgencyFilter filter, String after, int limit) {
        Cursor cursor = Cursor.decode(after);
        return agencies.page(filter, cursor, limit).map(rows -> {
            boolean more = rows.size() > limit;
            List<Agency> items = more ? rows.subList(0, limit) : rows;
            Agency last = items.isEmpty() ? null : items.get(items.size() - 1);
            return new Page(items, more ? new Cursor(last.name, last.id).encode() : null);
        });
    }

    /** Descendants level by level, down to depth levels; with a date, those that existed and had not ended then. */
    @WithSession
    /** The units under {@code id} as they stand on {@code asOf}, today when it is null (dissolved ones are not there). */
    public Uni<List<Agency>> descendants(UUID id, int depth, LocalDate asOf, ParentsOn parents) {
        LocalDate on = asOf == null ? LocalDate.now(clock) : asOf;
        return get(id, asOf).flatMap(root -> collect(List.of(root.id), depth, parents, new ArrayList<>()))
                .map(found -> found.stream().filter(a -> existedOn(a, on)
                        && (a.dissolutionDate == null || a.dissolutionDate.isAfter(on))).toList());
    }

    public Uni<Agency> update(UUID id, String ifMatch, AgencyPatch patch) {
        long expected = ETags.requiredVersion(ifMatch);
        return Panache.withTransaction(() -> agencies.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("agency", id))
                .flatMap(agency -> applyUpdate(agency, expected, patch)))
                .invoke(names::invalidate);
    }

    /**
     * Adds a spelling written in documents of {@code jurisdiction} as a VARIANT name, inside the caller's transaction
     * (curation). A name the agency already carries changes nothing; an agency such documents cannot mean is refused.
     */
    public Uni<Agency> addVariantName(UUID id, String spelling, String jurisdiction) {
        // read FOR SHARE: a spelling the agency already has writes nothing, so no version would catch a reorganization
        // ending the agency meanwhile; this way one waits for the other and the mapping sees it dissolved
        return agencies.findById(id, LockModeType.PESSIMISTIC_READ)
                .onItem().ifNull().failWith(() -> ProblemException.unprocessable("agency " + id + " does not exist"))
                .flatMap(agency -> {
                    if (agency.status == AgencyStatus.DISSOLVED) {
                        throw ProblemException.unprocessable("agency " + id + " is dissolved; map the name to its successor");
                    }
                    if (!NameResolver.reaches(agency.divisionCode, jurisdiction)) {
                        // the alias would never resolve there, and the tasks waiting on the name never be assigned
                        throw ProblemException.unprocessable(agency.name + " (" + agency.divisionCode + ") is not a unit a"
                                + " document of " + jurisdiction + " can mean: map the name to one of that jurisdiction,"
                                + " above it or national");
                    }
                    String name = spelling.strip();
                    boolean known = name.equals(agency.name) || name.equals(agency.shortName)
                            || agency.otherNames.stream().anyMatch(n -> n.name().equals(name));
                    if (known) {
                        return Uni.createFrom().item(agency);
                    }
                    List<Agency.NameEntry> otherNames = new ArrayList<>(agency.otherNames);
                    otherNames.add(new Agency.NameEntry(name, "VARIANT"));
                    agency.otherNames = otherNames;
                    agency.updatedAt = now();
                    return agencies.flush().flatMap(ignored -> publish("AgencyUpdated", agency, List.of("otherNames")));
                });
    }

    private Uni<Agency> applyUpdate(Agency agency, long expected, AgencyPatch patch) {
        ETags.checkCurrent(expected, agency.version);
        if (agency.status == AgencyStatus.DISSOLVED) {
            throw ProblemException.conflict("agency " + agency.id + " is dissolved and cannot change");
        }
        List<String> changed = applyPatch(agency, patch);
        if (changed.isEmpty()) {
            return Uni.createFrom().item(agency);
        }
        agency.updatedAt = now();
        return checkNameFree(agency)
                .flatMap(ignored -> agencies.flush())
                .flatMap(ignored -> publish("AgencyUpdated", agency, changed));
    }

    private List<String> applyPatch(Agency agency, AgencyPatch patch) {
        List<String> changed = new ArrayList<>();
        change(changed, "name", agency.name, patch.getName() == null ? null : ProblemException.requireText("name", patch.getName()), v -> agency.name = v);
        change(changed, "shortName", agency.shortName, patch.getShortName() == null ? null : patch.getShortName().strip(),
                v -> agency.shortName = v);
        change(changed, "classification", agency.classification, patch.getClassification(), v -> agency.classification = v);
        if (patch.getOtherNames() != null) {
            change(changed, "otherNames", agency.otherNames, mapper.toNameEntries(patch.getOtherNames()),
                    v -> agency.otherNames = new ArrayList<>(v));
        }
        if (patch.getIdentifiers() != null) {
            change(changed, "identifiers", agency.identifiers, mapper.toIdentifierEntries(patch.getIdentifiers()),
                    v -> agency.identifiers = new ArrayList<>(v));
        }
        return changed;
    }

    private static <T> void change(List<String> changed, String field, T current, T requested,
            java.util.function.Consumer<T> setter) {
        if (requested != null && !Objects.equals(current, requested)) {
            setter.accept(requested);
            changed.add(field);
        }
    }

    /** Level by level, the units under {@code parents} as they stood then: moved away since, or moved in since, or not. */
    private Uni<List<Agency>> collect(List<UUID> parents, int depthLeft, ParentsOn then, List<Agency> found) {
        if (depthLeft == 0 || parents.isEmpty()) {
            return Uni.createFrom().item(found);
        }
        Set<UUID> movedAway = then.movedAwayFrom(parents);
        Uni<List<Agency>> formerChildren = movedAway.isEmpty() ? Uni.createFrom().item(List.of())
                : agencies.list("id in ?1", movedAway);
        return agencies.childrenOf(parents).flatMap(children -> formerChildren.map(former -> {
            List<Agency> all = new ArrayList<>(children);
            all.addAll(former);
            return all;
        })).flatMap(candidates -> {
            Set<UUID> seen = found.stream().map(a -> a.id).collect(Collectors.toSet());
            List<Agency> fresh = candidates.stream()
                    .filter(c -> parents.contains(then.parentOf(c)) && seen.add(c.id))
                    .sorted(Comparator.comparing((Agency a) -> a.name).thenComparing(a -> a.id))
                    .toList();
            found.addAll(fresh);
            return collect(fresh.stream().map(a -> a.id).toList(), depthLeft - 1, then, found);
        });
    }

    private Uni<Void> checkParent(UUID parentId) {
        if (parentId == null) {
            return Uni.createFrom().voidItem();
        }
        return HierarchyLock.acquire().flatMap(locked -> agencies.findById(parentId)).map(parent -> {
            if (parent == null) {
                throw ProblemException.unprocessable("parent agency " + parentId + " does not exist");
            }
            if (parent.status == AgencyStatus.DISSOLVED) {
                throw ProblemException.unprocessable("parent agency " + parentId + " is dissolved");
            }
            return null;
        });
    }

    private Uni<Void> checkNameFree(Agency agency) {
        return agencies.activeNameTaken(agency.divisionCode, agency.name, agency.id).map(taken -> {
            if (taken) {
                throw ProblemException.conflict("an active agency named " + agency.name + " already exists in "
                        + agency.divisionCode);
            }
            return null;
        });
    }

    private Uni<Agency> publish(String type, Agency agency, List<String> changedFields) {
        return events.publish(type, agency, changedFields, null);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** A page of agencies and the cursor of the next one (null on the last). */
    public record Page(List<Agency> items, String next) {
    }
}
