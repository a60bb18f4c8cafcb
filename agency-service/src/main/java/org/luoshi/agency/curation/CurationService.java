package org.luoshi.agency.curation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.luoshi.agency.naming.NameResolver;
import org.luoshi.agency.registry.AgencyService;
import org.luoshi.events.model.UnresolvedReference;
import org.luoshi.platform.http.Cursor;
import org.luoshi.platform.problem.ProblemException;
import org.luoshi.platform.text.ChineseText;

/** The curation queue: unresolved names arrive from task-service, an administrator maps each to an agency. */
@ApplicationScoped
public class CurationService {

    private final AgencyService agencies;
    private final NameResolver names;
    private final Clock clock;

    public CurationService(AgencyService agencies, NameResolver names, Clock clock) {
        this.agencies = agencies;
        this.names = names;
        this.clock = clock;
    }

    /** Call inside the consumer's transaction: counts one more citation of the spelling, opening it if new. */
    public Uni<Void> note(UnresolvedReference reference) {
        String key = ChineseText.nameKey(reference.getRawName());
        OffsetDateTime now = OffsetDateTime.now(clock);
        return UnresolvedName.<UnresolvedName>find("jurisdiction = ?1 and nameKey = ?2", reference.getJurisdiction(), key)
                .firstResult().flatMap(known -> {
                    if (known != null) {
                        known.occurrences++;
                        known.lastSeenAt = now;
                        known.lastTaskId = reference.getTaskId();
                        return Uni.createFrom().voidItem();
                    }
                    UnresolvedName name = new UnresolvedName();
                    name.id = UUID.randomUUID();
                    name.nameKey = key;
                    name.rawName = reference.getRawName().strip();
                    name.jurisdiction = reference.getJurisdiction();
                    name.occurrences = 1;
                    name.status = UnresolvedName.OPEN;
                    name.lastTaskId = reference.getTaskId();
                    name.firstSeenAt = name.lastSeenAt = now;
                    return name.persist().replaceWithVoid();
                });
    }

    /** Most cited first, then by id; keyset-paginated. */
    @WithSession
    public Uni<Page> list(String status, String jurisdiction, String after, int limit) {
        Cursor cursor = Cursor.decode(after);
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (status != null) {
            where.add("status = :status");
            parameters.and("status", status);
        }
        if (jurisdiction != null) {
            where.add("jurisdiction = :jurisdiction");
            parameters.and("jurisdiction", jurisdiction);
        }
        if (cursor != null) {
            long occurrences = parseOccurrences(cursor.key());
            where.add("(occurrences < :occurrences or (occurrences = :occurrences and id > :afterId))");
            parameters.and("occurrences", occurrences).and("afterId", cursor.id());
        }
        String query = (String.join(" and ", where) + " order by occurrences desc, id").strip();
        return UnresolvedName.<UnresolvedName>find(query, parameters).range(0, limit).list().map(rows -> {
            boolean more = rows.size() > limit;
            List<UnresolvedName> items = more ? rows.subList(0, limit) : rows;
            UnresolvedName last = items.isEmpty() ? null : items.get(items.size() - 1);
            return new Page(items, more ? new Cursor(String.valueOf(last.occurrences), last.id).encode() : null);
        });
    }

    /**
     * Maps the name to an agency: the spelling becomes one of the agency's VARIANT names (published as
     * AgencyUpdated, which lets task-service resolve the assignments waiting on it). Repeating the same mapping
     * is harmless; mapping to another agency is a conflict.
     */
    public Uni<UnresolvedName> map(UUID id, UUID agencyId) {
        return Panache.withTransaction(() -> UnresolvedName.<UnresolvedName>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("unresolved name", id))
                .flatMap(name -> {
                    if (UnresolvedName.MAPPED.equals(name.status)) {
                        if (agencyId.equals(name.agencyId)) {
                            return Uni.createFrom().item(name);
                        }
                        throw ProblemException.conflict("'" + name.rawName + "' is already mapped to agency " + name.agencyId);
                    }
                    return agencies.addVariantName(agencyId, name.rawName).map(agency -> {
                        name.status = UnresolvedName.MAPPED;
                        name.agencyId = agency.id;
                        return name;
                    });
                }))
                .invoke(names::invalidate);
    }

    private static long parseOccurrences(String key) {
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("'after' is not a cursor returned by this service");
        }
    }

    public record Page(List<UnresolvedName> items, String next) {
    }
}
