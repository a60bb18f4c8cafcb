package org.luoshi.agency.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.luoshi.agency.api.AgenciesApi;
import org.luoshi.agency.api.model.AgencyCreate;
import org.luoshi.agency.api.model.AgencyHistory;
import org.luoshi.agency.api.model.HistoryEntry;
import org.luoshi.agency.reorganization.ReorganizationService;
import org.luoshi.agency.workload.WorkloadService;
import org.luoshi.agency.api.model.AgencyList;
import org.luoshi.agency.api.model.AgencyPage;
import org.luoshi.agency.api.model.AgencyPatch;
import org.luoshi.agency.api.model.AgencyStatus;
import org.luoshi.agency.api.model.Classification;
import org.luoshi.agency.api.model.Level;
import org.luoshi.agency.naming.NameResolver;
import org.luoshi.platform.idempotency.Idempotency;
import org.luoshi.platform.security.Roles;
import org.luoshi.platform.text.ChineseText;

/** HTTP mapping of the agency registry; the contract's generated interface defines paths and parameters. */
public class AgencyResource implements AgenciesApi {

    private final AgencyService service;
    private final AgencyMapper mapper;
    private final ReorganizationService reorganizations;

    private final WorkloadService workload;
    private final Idempotency idempotency;
    private final NameResolver names;

    public AgencyResource(AgencyService service, AgencyMapper mapper, ReorganizationService reorganizations,
            WorkloadService workload, Idempotency idempotency, NameResolver names) {
        this.idempotency = idempotency;
        this.names = names;
        this.service = service;
        this.mapper = mapper;
        this.reorganizations = reorganizations;
        this.workload = workload;
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OFFICER, Roles.INTEGRATOR})
    public CompletionStage<Response> getAgencyWorkload(UUID id, Boolean includeDescendants) {
        return workload.of(id, Boolean.TRUE.equals(includeDescendants))
                .map(counts -> Response.ok(counts).build())
                .subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OFFICER, Roles.INTEGRATOR})
    public CompletionStage<Response> getAgencyHistory(UUID id) {
        return reorganizations.history(id)
                .map(lines -> Response.ok(new AgencyHistory(lines.stream()
                        .map(line -> new HistoryEntry(HistoryEntry.ChangeEnum.fromValue(line.change), line.effectiveOn, line.recordedAt)
                                .detail(line.detail).reorganizationId(line.reorganizationId))
                        .toList())).build())
                .subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public CompletionStage<Response> createAgency(AgencyCreate agencyCreate, String idempotencyKey) {
        return idempotency.once(idempotencyKey, "createAgency", agencyCreate, () -> service.create(agencyCreate)
                .map(agency -> Response.created(URI.create("/api/v1/agencies/" + agency.id))
                        .tag(String.valueOf(agency.version))
                        .entity(mapper.toApi(agency)).build()))
                // under an Idempotency-Key the agency commits with the key's outcome, after the service dropped the
                // name index: dropped again once committed, or a resolution in between rebuilds it from before
                .invoke(names::invalidate)
                .subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OFFICER, Roles.INTEGRATOR})
    public CompletionStage<Response> getAgency(UUID id, LocalDate asOf) {
        return service.get(id, asOf).flatMap(agency -> reorganizations.parentsOn(asOf)
                        .map(parents -> Response.ok(mapper.toApi(agency, asOf, parents)).tag(String.valueOf(agency.version)).build()))
                .subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OFFICER, Roles.INTEGRATOR})
    public CompletionStage<Response> listAgencies(String q, Classification classification, Level level,
            String divisionCode, AgencyStatus status, LocalDate asOf, String after, Integer limit) {
        // names are stored simplified: a traditional or spaced query finds them too
        AgencyFilter filter = new AgencyFilter(q == null || q.isBlank() ? null : ChineseText.simplified(q).strip(),
                classification, level, divisionCode, status, asOf);
        return service.list(filter, after, limit == null ? 50 : limit).flatMap(page -> reorganizations.parentsOn(asOf)
                        .map(parents -> Response.ok(new AgencyPage(page.items().stream()
                                .map(a -> mapper.toApi(a, asOf, parents)).toList()).next(page.next())).build()))
                .subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed({Roles.ADMIN, Roles.SUPERVISOR, Roles.OFFICER, Roles.INTEGRATOR})
    public CompletionStage<Response> listAgencyChildren(UUID id, Integer depth, LocalDate asOf) {
        // where units stood on that day: a MOVE since took some away from under this one, or brought them
        return reorganizations.parentsOn(asOf).flatMap(parents -> service.descendants(id, depth == null ? 1 : depth, asOf,
                        parents).map(children -> Response.ok(new AgencyList(children.stream()
                                .map(a -> mapper.toApi(a, asOf, parents)).toList())).build()))
                .subscribeAsCompletionStage();
    }

    @Override
    @RolesAllowed(Roles.ADMIN)
    public CompletionStage<Response> updateAgency(UUID id, AgencyPatch agencyPatch, String ifMatch) {
        return service.update(id, ifMatch, agencyPatch)
                .map(agency -> Response.ok(mapper.toApi(agency)).tag(String.valueOf(agency.version)).build())
                .subscribeAsCompletionStage();
    }
}
