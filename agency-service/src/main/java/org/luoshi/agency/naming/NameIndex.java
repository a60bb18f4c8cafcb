package org.luoshi.agency.naming;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.luoshi.agency.api.model.AgencyStatus;
import org.luoshi.agency.api.model.Classification;
import org.luoshi.agency.api.model.Level;
import org.luoshi.agency.api.model.Resolution.MatchedByEnum;
import org.luoshi.agency.registry.Agency;
import org.luoshi.platform.text.ChineseText;

/** An immutable, in-memory view of the directory for resolving names; rebuilt when agencies change. */
final class NameIndex {

    /** What resolution needs to know of one agency. */
    record Entry(UUID id, String name, Classification classification, Level level, String divisionCode, UUID parentId,
            AgencyStatus status, LocalDate foundingDate, LocalDate dissolutionDate, List<UUID> successorIds,
            Set<String> identifiers) {

        boolean existsOn(LocalDate date) {
            return (foundingDate == null || !foundingDate.isAfter(date))
                    && (dissolutionDate == null || dissolutionDate.isAfter(date));
        }

        boolean hasIdentifier(String scheme, String identifier) {
            return identifiers.contains(scheme + ":" + identifier);
        }
    }

    /** An agency reachable under a name key, and which of its names it was. */
    record Match(Entry entry, MatchedByEnum by) {
    }

    private final Map<String, List<Match>> byKey = new HashMap<>();
    private final Map<UUID, Entry> byId = new HashMap<>();
    private final Map<String, Entry> governmentByDivision = new HashMap<>();

    /** How many distinct name keys the index holds. */
    int size() {
        return byKey.size();
    }

    NameIndex(Collection<Agency> agencies) {
        for (Agency agency : agencies) {
            Entry entry = new Entry(agency.id, agency.name, agency.classification, agency.level, agency.divisionCode,
                    agency.parentId, agency.status, agency.foundingDate, agency.dissolutionDate,
                    List.copyOf(agency.successorIds),
                    Set.copyOf(agency.identifiers.stream().map(i -> i.scheme() + ":" + i.identifier()).toList()));
            byId.put(entry.id(), entry);
            add(agency.name, entry, MatchedByEnum.NAME);
            if (agency.shortName != null) {
                add(agency.shortName, entry, MatchedByEnum.SHORT_NAME);
            }
            agency.otherNames.forEach(other -> add(other.name(), entry, MatchedByEnum.OTHER_NAME));
            if (agency.classification == Classification.GOVERNMENT && agency.status == AgencyStatus.ACTIVE) {
                governmentByDivision.put(agency.divisionCode, entry);
            }
        }
    }

    private void add(String name, Entry entry, MatchedByEnum by) {
        List<Match> matches = byKey.computeIfAbsent(ChineseText.nameKey(name), k -> new ArrayList<>());
        if (matches.stream().noneMatch(m -> m.entry().id().equals(entry.id()))) {
            matches.add(new Match(entry, by));
        }
    }

    List<Match> byKey(String key) {
        return byKey.getOrDefault(key, List.of());
    }

    Entry byId(UUID id) {
        return byId.get(id);
    }

    Collection<Entry> all() {
        return byId.values();
    }

    Set<String> keys() {
        return byKey.keySet();
    }

    /** The government of a jurisdiction, e.g. 湖南省人民政府 for 430000. */
    Entry government(String divisionCode) {
        return governmentByDivision.get(divisionCode);
    }
}
