package org.luoshi.agency.registry;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Queues every agency's current snapshot in the outbox again, a page per transaction so a large registry does
 * not hold one long transaction. Consumers apply a snapshot only when it is newer than theirs, so a replica that
 * is current ignores them and an empty one is rebuilt.
 */
@ApplicationScoped
public class SnapshotRepublisher {

    static final int PAGE = 500;

    private final AgencyRepository agencies;
    private final AgencyEvents events;

    public SnapshotRepublisher(AgencyRepository agencies, AgencyEvents events) {
        this.agencies = agencies;
        this.events = events;
    }

    public Uni<Long> republishAll() {
        return republishFrom(null, 0L);
    }

    private Uni<Long> republishFrom(UUID after, long done) {
        // keyset by id (PostgreSQL orders uuids bytewise, so the first page simply has no lower bound)
        return Panache.withTransaction(() -> (after == null ? agencies.find("order by id")
                : agencies.find("id > ?1 order by id", after)).range(0, PAGE - 1).list()
                .flatMap(page -> publish(page).replaceWith(page)))
                .flatMap(page -> page.size() < PAGE
                        ? Uni.createFrom().item(done + page.size())
                        : republishFrom(page.get(page.size() - 1).id, done + page.size()));
    }

    private Uni<Void> publish(List<Agency> page) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Agency agency : page) {
            chain = chain.flatMap(x -> events.publish("AgencySnapshotRepublished", agency, List.of(), null).replaceWithVoid());
        }
        return chain;
    }
}
