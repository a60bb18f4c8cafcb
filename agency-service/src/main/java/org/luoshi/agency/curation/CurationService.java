package org.luoshi.agency.curation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.luoshi.agency.naming.NameResolver;
import org.luoshi.agency.registry.AgencyService;
import org.luoshi.events.model.UnresolvedReference;
import org.luoshi.platform.http.Cursor;
import org.luoshi.platform.problem.ProblemException;
import org.luoshi.platform.sql.BulkInsert;
import org.luoshi.platform.text.ChineseText;

/** The curation queue: unresolved names arrive from task-service, an administrator maps each to an agency. */
@ApplicationScoped
public class CurationService {

    /** A new spelling opens with its count; a known one adds to it and keeps its status and first spelling. */
    private static final BulkInsert CITATIONS = BulkInsert.into("unresolved_name", "id uuid", "name_key text",
            "raw_name text", "jurisdiction text", "occurrences bigint", "status text", "last_task_id uuid",
            "first_seen_at timestamptz", "last_seen_at timestamptz")
            .onConflict("""
                    (jurisdiction, name_key) do update set occurrences = unresolved_name.occurrences + excluded.occurrences,
                    last_task_id = excluded.last_task_id, last_seen_at = excluded.last_seen_at""");

    private final AgencyService agencies;
    private final NameResolver names;
    private final Clock clock;

    public CurationService(AgencyService agencies, NameResolver names, Clock clock) {
        this.agencies = agencies;
        this.names = names;
        this.clock = clock;
    }

    /**
     * Call inside the consumer's transaction: counts the citations of each spelling with one statement, opening the
     * spellings that are new (an open or mapped one keeps its status).
     */
    public Uni<Void> note(List<UnresolvedReference> citations) {
        Map<Spelling, Citations> bySpelling = new LinkedHashMap<>();
        for (UnresolvedReference citation : citations) {
            Spelling spelling = new Spelling(citation.getJurisdiction(), ChineseText.nameKey(citation.getRawName()));
            bySpelling.computeIfAbsent(spelling, s -> new Citations(citation.getRawName().strip())).add(citation);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        BulkInsert.Rows rows = CITATIONS.rows();
        bySpelling.forEach((spelling, cited) -> rows.add(UUID.randomUUID(), spelling.nameKey(), cited.firstRawName,
                spelling.jurisdiction(), cited.count, UnresolvedName.OPEN, cited.lastTaskId, now, now));
        return Panache.getSession().flatMap(rows::insert).replaceWithVoid();
    }

    private record Spelling(String jurisdiction, String nameKey) {
    }

    /** A spelling's citations in one batch: the first spelling seen is the one shown, the last task the one linked. */
    private static final class Citations {
        final String firstRawName;
        long count;
        UUID lastTaskId;

        Citations(String firstRawName) {
            this.firstRawName = firstRawName;
        }

        void add(UnresolvedReference citation) {
            count++;
            lastTaskId = citation.getTaskId();
        }
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
        // locked: two curators mapping the same name at once to different agencies would both add it as an alias
        return Panache.withTransaction(() -> UnresolvedName.<UnresolvedName>findById(id, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("unresolved name", id))
                .flatMap(name -> {
                    if (UnresolvedName.MAPPED.equals(name.status)) {
                        if (agencyId.equals(name.agencyId)) {
                            return Uni.createFrom().item(name);
                        }
                        throw ProblemException.conflict("'" + name.rawName + "' is already mapped to agency " + name.agencyId);
                    }
                    return agencies.addVariantName(agencyId, name.rawName, name.jurisdiction).map(agency -> {
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
