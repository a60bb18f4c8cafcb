package org.luoshi.task.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.luoshi.common.model.MemberRule;
import org.luoshi.events.model.AgencySnapshot;
import org.luoshi.platform.division.DivisionCodes;
import org.luoshi.task.directory.DirectoryAgency;

/**
 * A GROUP assignment's rule for its members (各市州人民政府: the prefecture governments within 430000), as stored with the
 * assignment, and whether a unit meets it. A rule may ask for a kind of unit too (各高职院校: kind HIGHER_VOCATIONAL),
 * which the replica knows from the agencies' identifiers. Who writes group members by rule (the directory
 * consumer, a task stored with such a group) first takes a transaction lock per province the units or rules lie in, so
 * that a unit applied while a task is stored is seen by one of the two.
 */
public final class MemberRules {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** The namespace of the advisory locks taken here (a key per province: 43 for Hunan, 0 for national rules). */
    private static final int LOCKS = 0x6c730001;

    private MemberRules() {
    }

    /**
     * Where a unit stands, as far as rules look: its level, classification, division, and whether it is active (not
     * ended, and founded: a unit founded for a later day meets no rule until then).
     */
    public record Placement(String level, String classification, String divisionCode, boolean active, Set<String> kinds) {

        /** Where a unit stands whose kinds are not known (it meets no rule that asks for one). */
        public Placement(String level, String classification, String divisionCode, boolean active) {
            this(level, classification, divisionCode, active, null);
        }

        /** As the snapshot places it on this day. */
        public static Placement of(AgencySnapshot agency, LocalDate today) {
            return new Placement(agency.getLevel(), agency.getClassification(), agency.getDivisionCode(),
                    agency.getStatus() == AgencySnapshot.StatusEnum.ACTIVE
                            && (agency.getFoundingDate() == null || !agency.getFoundingDate().isAfter(today)),
                    kinds(identifiers(agency)));
        }

        /** As the replica holds it: a unit still waiting for its founding day is not active yet. */
        public static Placement of(DirectoryAgency agency) {
            return new Placement(agency.level, agency.classification, agency.divisionCode,
                    !agency.ended() && !agency.foundingPending, kinds(agency.identifierSet()));
        }

        /** The kinds among identifiers written {@code scheme:identifier}; null when they are not known. */
        private static Set<String> kinds(Set<String> identifiers) {
            if (identifiers == null) {
                return null;
            }
            Set<String> kinds = new TreeSet<>();
            identifiers.stream().filter(i -> i.startsWith(KIND)).forEach(i -> kinds.add(i.substring(KIND.length())));
            return kinds;
        }
    }

    /** The scheme of the identifiers that say what kind of unit an agency is (kind:HIGHER_VOCATIONAL). */
    private static final String KIND = "kind:";

    /** A snapshot's identifiers written {@code scheme:identifier}; null when it gives none (published before them). */
    public static Set<String> identifiers(AgencySnapshot agency) {
        if (agency.getIdentifiers() == null) {
            return null;
        }
        Set<String> identifiers = new TreeSet<>();
        agency.getIdentifiers().forEach(i -> identifiers.add(i.getScheme() + ":" + i.getIdentifier()));
        return identifiers;
    }

    static String write(MemberRule rule) {
        try {
            return rule == null ? null : JSON.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a member rule is always written as JSON", e);
        }
    }

    /** The stored rule, or null when there is none or it cannot be read (then the group keeps its members). */
    static MemberRule read(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, MemberRule.class);
        } catch (JsonProcessingException e) {
            Log.warnf("a stored member rule cannot be read, its group keeps its members: %s (%s)", json, e.getMessage());
            return null;
        }
    }

    /** Whether the rule can be followed with what the replica knows of agencies. */
    static boolean followable(MemberRule rule) {
        return rule != null && rule.getJurisdiction() != null && rule.getLevels() != null && rule.getClassifications() != null;
    }

    /** Whether a unit standing so is one the rule means: of its levels, classifications and jurisdiction, and kind. */
    static boolean meets(MemberRule rule, Placement unit) {
        return followable(rule) && unit != null && unit.active() && unit.level() != null && unit.divisionCode() != null
                && rule.getLevels().stream().anyMatch(level -> level.toString().equals(unit.level()))
                && rule.getClassifications().contains(unit.classification())
                && DivisionCodes.within(unit.divisionCode(), rule.getJurisdiction())
                && (rule.getIdentifierKind() == null || unit.kinds() != null && unit.kinds().contains(rule.getIdentifierKind()));
    }


    /** The jurisdictions a rule may name and a unit of this division meet: national, its province, prefecture, own. */
    static Set<String> jurisdictionsAround(String code) {
        Set<String> around = new LinkedHashSet<>(List.of(DivisionCodes.NATIONAL));
        if (code != null && code.length() == 6) {
            around.add(code.substring(0, 2) + "0000");
            around.add(code.substring(0, 4) + "00");
            around.add(code);
        }
        return around;
    }

    /** The lock key of a jurisdiction: its province's two digits, 0 for national. */
    static int lockKey(String code) {
        return code == null || code.length() != 6 || DivisionCodes.NATIONAL.equals(code) ? 0
                : Integer.parseInt(code.substring(0, 2));
    }

    /** Takes the locks of these keys for the caller's transaction, in their order (no two callers wait on each other). */
    static Uni<Void> lock(Collection<Integer> keys) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int key : new TreeSet<>(keys)) {
            chain = chain.flatMap(x -> Panache.getSession().flatMap(session -> session
                    .createNativeQuery("select 1 from (select pg_advisory_xact_lock(" + LOCKS + ", " + key + ")) as locked")
                    .getSingleResult())).replaceWithVoid();
        }
        return chain;
    }

    /**
     * Completes the members of the GROUP assignments among these that carry a rule with the active units of the replica
     * that meet it, before they are stored: a unit founded or moved into the rule a moment before (which agency-service
     * had not answered yet) is not missed, as the directory consumer found no task to add it to. Call inside the
     * transaction that stores them.
     */
    public static Uni<Void> complete(List<Assignment> assignments) {
        Map<Assignment, MemberRule> rules = new LinkedHashMap<>();
        for (Assignment assignment : assignments) {
            MemberRule rule = read(assignment.memberRule);
            if (followable(rule)) {
                rules.put(assignment, rule);
            }
        }
        if (rules.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Set<Integer> keys = new TreeSet<>();
        rules.values().forEach(rule -> keys.add(lockKey(rule.getJurisdiction())));
        // one look in the replica per rule, however many tasks of an import name its group
        Map<String, List<Assignment>> byRule = new LinkedHashMap<>();
        rules.keySet().forEach(group -> byRule.computeIfAbsent(group.memberRule, k -> new ArrayList<>()).add(group));
        Uni<Void> chain = lock(keys);
        for (List<Assignment> groups : byRule.values()) {
            MemberRule rule = rules.get(groups.get(0));
            List<String> levels = rule.getLevels().stream().map(Object::toString).toList();
            chain = chain.flatMap(x -> DirectoryAgency.<DirectoryAgency>list("status = 'ACTIVE' and not foundingPending"
                    + " and level in ?1 and classification in ?2", levels, rule.getClassifications()).map(units -> {
                        List<UUID> meeting = units.stream().filter(unit -> meets(rule, Placement.of(unit)))
                                .map(unit -> unit.id).toList();
                        for (Assignment group : groups) {
                            Set<UUID> members = new LinkedHashSet<>(group.memberIds);
                            members.addAll(meeting);
                            group.memberIds = List.copyOf(members);
                        }
                        return null;
                    }));
        }
        return chain;
    }
}
