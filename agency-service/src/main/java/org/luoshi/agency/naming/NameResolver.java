package org.luoshi.agency.naming;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.luoshi.agency.api.model.AgencyRef;
import org.luoshi.agency.api.model.NameQuery;
import org.luoshi.agency.api.model.Classification;
import org.luoshi.agency.api.model.ResolveBatchItem;
import org.luoshi.agency.api.model.ResolveBatchResult;
import org.luoshi.agency.api.model.Resolution;
import org.luoshi.agency.api.model.Resolution.MatchedByEnum;
import org.luoshi.agency.api.model.ResolutionKind;
import org.luoshi.agency.registry.AgencyRepository;
import org.luoshi.common.model.MemberRule;
import org.luoshi.platform.text.ChineseText;

/**
 * Turns a name as written, in a jurisdiction and at a date, into one agency, a group, or an unspecified reference.
 * Works on an in-memory {@link NameIndex}, rebuilt after local writes and periodically for other replicas' writes.
 */
@ApplicationScoped
public class NameResolver {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern TRAILING_NOISE = Pattern.compile("[。.，,；;、：:\\s]+$");

    /** Rounds of the start-up resolution: enough for the matching to be compiled before the first caller's. */
    private static final int WARM_UP_ROUNDS = 20;

    private final AgencyRepository agencies;
    private final ObjectMapper json;
    /** The index (null until built or after a local write) and the number of local writes it has seen. */
    private final AtomicReference<Snapshot> state = new AtomicReference<>(new Snapshot(0, null));

    record Snapshot(long writes, NameIndex index) {
    }

    public NameResolver(AgencyRepository agencies, ObjectMapper json) {
        this.agencies = agencies;
        this.json = json;
    }

    /** The answer for one name, or empty with suggestions left to {@link #suggest}. */
    public Uni<Optional<Resolution>> resolve(String name, String jurisdiction, LocalDate asOf, boolean followSuccessors) {
        return current().map(ix -> resolve(ix, name, jurisdiction, asOf == null ? LocalDate.now(CHINA) : asOf, followSuccessors));
    }

    /** Resolves many names against one consistent index; an unresolved name comes with close names. */
    public Uni<List<ResolveBatchItem>> resolveAll(List<NameQuery> queries, boolean followSuccessors) {
        return current().map(ix -> resolveAll(ix, queries, followSuccessors));
    }

    private static List<ResolveBatchItem> resolveAll(NameIndex ix, List<NameQuery> queries, boolean followSuccessors) {
        LocalDate today = LocalDate.now(CHINA);
        return queries.stream().map(q -> {
            ResolveBatchItem item = new ResolveBatchItem(q.getName(), q.getJurisdiction());
            resolve(ix, q.getName(), q.getJurisdiction(), q.getAsOf() == null ? today : q.getAsOf(), followSuccessors)
                    .ifPresentOrElse(item::resolution,
                            () -> item.suggestions(suggest(ix, ChineseText.nameKey(q.getName()), q.getJurisdiction())));
            return item;
        }).toList();
    }

    public Uni<List<String>> suggest(String name, String jurisdiction) {
        return current().map(ix -> suggest(ix, ChineseText.nameKey(name), jurisdiction));
    }

    /** Forget the index after a local write; the next resolution rebuilds it from the database. */
    public void invalidate() {
        state.updateAndGet(s -> new Snapshot(s.writes() + 1, null));
    }

    /**
     * Builds the index, and loads the dictionaries of the name keys, while the service starts (after the reference
     * data are loaded), rather than in the first resolution, which would otherwise take seconds; then resolves a batch
     * of the index's own names (with a group, an unnamed reference and a name it lacks) and writes the answer as JSON
     * a few times, so that the first caller's batch does not run the matching, the suggestions and the serializer
     * interpreted.
     */
    void warmUp(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        long started = System.nanoTime();
        try {
            ChineseText.preload();
            NameIndex built = VertxContextSupport.subscribeAndAwait(this::current);
            List<NameQuery> sample = warmUpQueries(built);
            for (int round = 0; round < WARM_UP_ROUNDS && !sample.isEmpty(); round++) {
                json.writeValueAsString(new ResolveBatchResult(resolveAll(built, sample, false)));
            }
            Log.debugf("name index of %d names built, %d names resolved %d times, in %.0f ms", (Object) built.size(),
                    sample.size(), WARM_UP_ROUNDS, (System.nanoTime() - started) / 1e6);
        } catch (Throwable e) {
            // the first resolution builds it then
            Log.warnf(e, "name index not built at start");
        }
    }

    private static List<NameQuery> warmUpQueries(NameIndex ix) {
        List<NameQuery> queries = new ArrayList<>();
        ix.all().stream().filter(e -> e.classification() == Classification.GOVERNMENT && e.divisionCode() != null)
                .sorted(Comparator.comparing(NameIndex.Entry::divisionCode)).limit(4).forEach(government -> {
                    String jurisdiction = government.divisionCode();
                    queries.add(new NameQuery(government.name(), jurisdiction));
                    ix.all().stream().filter(e -> government.id().equals(e.parentId())).map(NameIndex.Entry::name)
                            .sorted().limit(8).forEach(name -> queries.add(new NameQuery(name, jurisdiction)));
                    for (String phrase : List.of("各市州人民政府", "有关部门", "未登记的单位名称")) {
                        queries.add(new NameQuery(phrase, jurisdiction));
                    }
                });
        return queries;
    }

    /**
     * Other replicas' writes reach this one's index by a rebuild in the background, swapped in when done: no resolution
     * waits for it (invalidating instead left the next resolution to rebuild, and the first run, at start, threw away
     * the index the warm-up had just built). Not before one interval has passed, for the same reason.
     */
    @Scheduled(every = "${luoshi.naming.refresh-interval:30s}", delayed = "${luoshi.naming.refresh-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refreshForOtherReplicas() {
        return rebuild(state.get()).replaceWithVoid();
    }

    Uni<NameIndex> current() {
        Snapshot seen = state.get();
        return seen.index() != null ? Uni.createFrom().item(seen.index()) : rebuild(seen);
    }

    /**
     * Reads the agencies and builds an index from them, kept unless a local write came in the meantime (it would then be
     * stale: the next resolution builds another one).
     */
    @WithSession
    Uni<NameIndex> rebuild(Snapshot seen) {
        return agencies.listAll().map(all -> {
            NameIndex built = new NameIndex(all);
            state.compareAndSet(seen, new Snapshot(seen.writes(), built));
            return built;
        });
    }

    /** Whether a document of {@code jurisdiction} may mean a unit of {@code divisionCode} (the resolver's rule). */
    public static boolean reaches(String divisionCode, String jurisdiction) {
        return Jurisdictions.distance(divisionCode, jurisdiction) >= 0;
    }

    static Optional<Resolution> resolve(NameIndex ix, String name, String jurisdiction, LocalDate asOf,
            boolean followSuccessors) {
        String key = TRAILING_NOISE.matcher(ChineseText.nameKey(name)).replaceAll("");
        if (key.isEmpty()) {
            return Optional.empty();
        }
        if (CollectiveReferences.isUnspecified(key)) {
            return Optional.of(new Resolution(name, ResolutionKind.UNSPECIFIED).name(key).matchedBy(MatchedByEnum.UNSPECIFIED_RULE));
        }
        Optional<CollectiveReferences.GroupRule> group = CollectiveReferences.group(key);
        if (group.isPresent()) {
            return Optional.of(groupOf(ix, name, key, group.get(), jurisdiction, asOf));
        }
        return agency(ix, key, jurisdiction, asOf)
                .or(() -> relative(ix, key, jurisdiction).flatMap(full -> agency(ix, full, jurisdiction, asOf)
                        .map(m -> new NameIndex.Match(m.entry(), MatchedByEnum.RELATIVE_NAME))))
                .map(match -> answer(ix, name, match, asOf, followSuccessors));
    }

    private static Optional<NameIndex.Match> agency(NameIndex ix, String key, String jurisdiction, LocalDate asOf) {
        List<NameIndex.Match> candidates = ix.byKey(key).stream()
                .filter(m -> Jurisdictions.distance(m.entry().divisionCode(), jurisdiction) >= 0)
                .toList();
        // a reorganization gives its results the originals' names as former names: a name that is still an original's
        // own means that original (then its successors are followed, or, at a split, listed), not whichever of its
        // results exists today
        Set<UUID> successorsOfCandidates = new HashSet<>();
        candidates.forEach(m -> successorsOfCandidates.addAll(m.entry().successorIds()));
        return candidates.stream()
                .filter(m -> m.by() == MatchedByEnum.NAME || !successorsOfCandidates.contains(m.entry().id()))
                .min(Comparator.<NameIndex.Match>comparingInt(m -> Jurisdictions.distance(m.entry().divisionCode(), jurisdiction))
                        .thenComparing(m -> m.entry().existsOn(asOf) ? 0 : 1)
                        .thenComparing(m -> m.by().ordinal()));
    }

    /** 省教育厅 in 430000 → 湖南省教育厅; 市人社局 in 341500 → 六安市人社局; 县… and 区… likewise in a county. */
    private static Optional<String> relative(NameIndex ix, String key, String jurisdiction) {
        char first = key.charAt(0);
        String division = switch (first) {
            case '省' -> Jurisdictions.NATIONAL.equals(jurisdiction) ? null : Jurisdictions.province(jurisdiction);
            case '市', '州' -> Jurisdictions.isProvince(jurisdiction) || Jurisdictions.NATIONAL.equals(jurisdiction)
                    ? null : Jurisdictions.prefecture(jurisdiction);
            case '县', '区' -> Jurisdictions.isProvince(jurisdiction) || Jurisdictions.isPrefecture(jurisdiction)
                    ? null : jurisdiction;
            default -> null;
        };
        NameIndex.Entry government = division == null ? null : ix.government(division);
        if (government == null) {
            return Optional.empty();
        }
        String place = government.name().replaceFirst("人民政府$", "");
        return Optional.of(ChineseText.nameKey(place) + key.substring(1));
    }

    private static Resolution answer(NameIndex ix, String query, NameIndex.Match match, LocalDate asOf, boolean followSuccessors) {
        NameIndex.Entry entry = match.entry();
        MatchedByEnum by = match.by();
        Set<UUID> seen = new HashSet<>();
        // through renames and merges, however many (银监分局 → 银保监分局 → 金融监管分局); a split has no one successor to
        // take: the answer is the split unit with its successors, for the caller to choose
        while (followSuccessors && !entry.existsOn(asOf) && entry.dissolutionDate() != null
                && entry.successorIds().size() == 1 && seen.add(entry.id())) {
            NameIndex.Entry successor = ix.byId(entry.successorIds().get(0));
            if (successor == null) {
                break;
            }
            entry = successor;
            by = MatchedByEnum.SUCCESSOR;
        }
        return new Resolution(query, ResolutionKind.AGENCY)
                .id(entry.id())
                .name(entry.name())
                .status(entry.status())
                .successorIds(entry.successorIds().isEmpty() ? null : entry.successorIds())
                .matchedBy(by);
    }

    private static Resolution groupOf(NameIndex ix, String query, String key, CollectiveReferences.GroupRule rule,
            String jurisdiction, LocalDate asOf) {
        List<AgencyRef> members = ix.all().stream()
                .filter(e -> rule.levels().contains(e.level()) && rule.classifications().contains(e.classification()))
                .filter(e -> rule.identifierKind() == null || e.hasIdentifier("kind", rule.identifierKind()))
                .filter(e -> Jurisdictions.within(e.divisionCode(), jurisdiction) && e.existsOn(asOf))
                .sorted(Comparator.comparing(NameIndex.Entry::divisionCode).thenComparing(NameIndex.Entry::name))
                .map(e -> new AgencyRef(e.id(), e.name()))
                .toList();
        // the rule as well, so that units founded, moved or reclassified later join or leave the members where a task
        // names the group
        MemberRule memberRule = new MemberRule(jurisdiction,
                rule.levels().stream().sorted().map(l -> MemberRule.LevelsEnum.fromValue(l.toString())).toList(),
                rule.classifications().stream().sorted().map(Object::toString).toList())
                .identifierKind(rule.identifierKind());
        return new Resolution(query, ResolutionKind.GROUP).name(key).members(members).matchedBy(MatchedByEnum.GROUP_RULE)
                .memberRule(memberRule);
    }

    private record Scored(String name, double similarity) {
    }

    /** Names in scope sharing the most character pairs with the key (Jaccard over bigrams). */
    private static List<String> suggest(NameIndex ix, String key, String jurisdiction) {
        Set<String> wanted = bigrams(key);
        return ix.all().stream()
                .filter(e -> Jurisdictions.distance(e.divisionCode(), jurisdiction) >= 0)
                .map(e -> new Scored(e.name(), similarity(wanted, bigrams(ChineseText.nameKey(e.name())))))
                .filter(s -> s.similarity() > 0.2)
                .sorted(Comparator.comparingDouble(Scored::similarity).reversed())
                .limit(5)
                .map(Scored::name)
                .toList();
    }

    private static Set<String> bigrams(String text) {
        Set<String> grams = new HashSet<>();
        for (int i = 0; i + 2 <= text.length(); i++) {
            grams.add(text.substring(i, i + 2));
        }
        return grams;
    }

    private static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        return (double) common.size() / (a.size() + b.size() - common.size());
    }
}
