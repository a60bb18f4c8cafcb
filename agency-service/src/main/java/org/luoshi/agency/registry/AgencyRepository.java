package org.luoshi.agency.registry;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.luoshi.agency.api.model.AgencyStatus;
import org.luoshi.platform.http.Cursor;

@ApplicationScoped
public class AgencyRepository implements PanacheRepositoryBase<Agency, UUID> {

    /** One page ordered by name then id, starting after the cursor; fetches one row more to know if a next page exists. */
    public Uni<List<Agency>> page(AgencyFilter filter, Cursor after, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.text() != null) {
            where.add("(name like :text or shortName like :text)");
            parameters.and("text", "%" + filter.text() + "%");
        }
        if (filter.classification() != null) {
            where.add("classification = :classification");
            parameters.and("classification", filter.classification());
        }
        if (filter.level() != null) {
            where.add("level = :level");
            parameters.and("level", filter.level());
        }
        if (filter.divisionCode() != null) {
            where.add("divisionCode = :divisionCode");
            parameters.and("divisionCode", filter.divisionCode());
        }
        if (filter.asOf() != null) {
            where.add("(foundingDate is null or foundingDate <= :asOf)");
            parameters.and("asOf", filter.asOf());
            if (filter.status() == AgencyStatus.ACTIVE) {
                where.add("(dissolutionDate is null or dissolutionDate > :asOf)");
            } else if (filter.status() == AgencyStatus.DISSOLVED) {
                where.add("dissolutionDate <= :asOf");
            }
        } else if (filter.status() != null) {
            where.add("status = :status");
            parameters.and("status", filter.status());
        }
        if (after != null) {
            where.add("(name > :afterName or (name = :afterName and id > :afterId))");
            parameters.and("afterName", after.key()).and("afterId", after.id());
        }
        String query = (String.join(" and ", where) + " order by name, id").strip();
        // range is inclusive: limit + 1 rows, the last only telling whether a next page exists
        return find(query, parameters).range(0, limit).list();
    }

    public Uni<List<Agency>> childrenOf(Collection<UUID> parentIds) {
        return list("parentId in ?1 order by name, id", parentIds);
    }

    public Uni<Boolean> activeNameTaken(String divisionCode, String name, UUID except) {
        return count("divisionCode = ?1 and name = ?2 and status = 'ACTIVE' and id <> ?3", divisionCode, name, except)
                .map(count -> count > 0);
    }
}
