package org.luoshi.agency.reorganization;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.luoshi.agency.registry.Agency;

/**
 * The parents of units on a past date, for the units a MOVE has taken elsewhere since (the others stood under their
 * current parent). Read through {@link ReorganizationService#parentsOn}.
 */
public record ParentsOn(Map<UUID, UUID> before) {

    /** Today, or a registry without moves: every unit under its current parent. */
    public static final ParentsOn NONE = new ParentsOn(Map.of());

    /** The unit's parent on that date. */
    public UUID parentOf(Agency agency) {
        return before.containsKey(agency.id) ? before.get(agency.id) : agency.parentId;
    }

    /** The units moved since that date that then stood under one of {@code parents}. */
    public Set<UUID> movedAwayFrom(Collection<UUID> parents) {
        return before.entrySet().stream().filter(e -> e.getValue() != null && parents.contains(e.getValue()))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }
}
