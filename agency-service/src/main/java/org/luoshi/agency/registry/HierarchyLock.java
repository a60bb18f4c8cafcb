package org.luoshi.agency.registry;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * One transaction at a time changes the hierarchy (a unit placed under a parent, a reorganization): each checks what
 * the others change (a MOVE the ancestors of its new parent, a DISSOLVE the units under it, a new unit its parent),
 * and two at once could each pass their check against the other's state before it committed (A under B and B under A;
 * a child under a parent dissolved meanwhile). A PostgreSQL advisory lock held to the end of the transaction orders
 * them; the statements after it see what the one before committed. Such changes are rare, so the wait is short.
 */
public final class HierarchyLock {

    /** An arbitrary constant of this application's advisory locks. */
    private static final long KEY = 0x4c756f736869L; // "Luoshi"

    private HierarchyLock() {
    }

    /** Takes the lock in the current transaction (again harmlessly if it holds it already). */
    public static Uni<Void> acquire() {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery("select cast(pg_advisory_xact_lock(" + KEY + ") as text)")
                        .getSingleResult())
                .replaceWithVoid();
    }
}
