package org.luoshi.agency.reference;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.luoshi.agency.api.model.AgencyCreate;
import org.luoshi.agency.api.model.Classification;
import org.luoshi.agency.api.model.Identifier;
import org.luoshi.agency.api.model.Level;
import org.luoshi.agency.api.model.OtherName;
import org.luoshi.agency.api.model.OtherNameKind;
import org.luoshi.agency.registry.AgencyRepository;
import org.luoshi.agency.registry.AgencyService;
import org.luoshi.agency.reorganization.Reorganization;
import org.luoshi.agency.reorganization.ReorganizationService;
import org.luoshi.platform.sql.SqlState;

/**
 * Loads the reference data at start when luoshi.reference-data.directory is set: agencies that do not exist yet are
 * registered (with their events), reorganizations not yet applied are applied. Existing agencies are left as they
 * are, so curation done through the API is never overwritten.
 */
@ApplicationScoped
public class ReferenceDataLoader {

    private static final Logger LOG = Logger.getLogger(ReferenceDataLoader.class);

    private final AgencyRepository agencies;
    private final AgencyService agencyService;
    private final ReorganizationService reorganizations;
    private final Optional<String> directory;

    public ReferenceDataLoader(AgencyRepository agencies, AgencyService agencyService, ReorganizationService reorganizations,
            @ConfigProperty(name = "luoshi.reference-data.directory") Optional<String> directory) {
        this.agencies = agencies;
        this.agencyService = agencyService;
        this.reorganizations = reorganizations;
        this.directory = directory;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (directory.isPresent() && Files.isDirectory(Path.of(directory.get()))) {
            Result result = VertxContextSupport.subscribeAndAwait(() -> load(ReferenceData.read(Path.of(directory.get()))));
            LOG.infof("reference data from %s: %d agencies added, %d reorganizations applied", directory.get(),
                    result.agenciesAdded(), result.reorganizationsApplied());
        }
    }

    /** What a load changed. */
    public record Result(int agenciesAdded, int reorganizationsApplied) {
    }

    public Uni<Result> load(ReferenceData data) {
        Uni<Integer> added = Uni.createFrom().item(0);
        for (ReferenceData.AgencySeed seed : data.agencies()) {
            added = added.flatMap(count -> addIfMissing(seed).map(isNew -> isNew ? count + 1 : count));
        }
        return added.flatMap(agencyCount -> {
            Uni<Integer> applied = Uni.createFrom().item(0);
            for (ReferenceData.ReorganizationSeed seed : data.reorganizations()) {
                applied = applied.flatMap(count -> reorganizations.apply(toChange(seed)).map(isNew -> isNew ? count + 1 : count));
            }
            return applied.map(reorganizationCount -> new Result(agencyCount, reorganizationCount));
        });
    }

    private Uni<Boolean> addIfMissing(ReferenceData.AgencySeed seed) {
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> agencies.findById(seed.id()))
                .flatMap(existing -> existing != null
                        ? Uni.createFrom().item(false)
                        : agencyService.create(seed.id(), toCreate(seed)).replaceWith(true))
                // another replica starting at the same time loaded it first
                .onFailure(SqlState::isUniqueViolation).recoverWithItem(false);
    }

    private static AgencyCreate toCreate(ReferenceData.AgencySeed seed) {
        AgencyCreate create = new AgencyCreate(seed.name(), Classification.fromValue(seed.classification()),
                Level.fromValue(seed.level()), seed.divisionCode())
                .shortName(seed.shortName())
                .foundingDate(seed.foundingDate())
                .parentId(seed.parent() == null ? null : ReferenceData.idOf(seed.parent()));
        if (seed.otherNames() != null) {
            create.otherNames(seed.otherNames().stream()
                    .map(n -> new OtherName(n.name(), OtherNameKind.fromValue(n.kind()))).toList());
        }
        if (seed.identifiers() != null) {
            create.identifiers(seed.identifiers().stream().map(i -> new Identifier(i.scheme(), i.identifier())).toList());
        }
        return create;
    }

    private static ReorganizationService.Change toChange(ReferenceData.ReorganizationSeed seed) {
        Reorganization.Type type = Reorganization.Type.valueOf(seed.type());
        List<UUID> resulting = ids(seed.resulting());
        // reference data lists a renamed, merged or split unit's results as the units it founds; a DISSOLVE's results
        // (if any) are units that existed and take over
        Set<UUID> begun = type == Reorganization.Type.RENAME || type == Reorganization.Type.MERGE
                || type == Reorganization.Type.SPLIT ? Set.copyOf(resulting) : Set.of();
        return new ReorganizationService.Change(seed.id(), type, seed.effectiveOn(), seed.basis(), ids(seed.originals()),
                resulting, begun);
    }

    private static List<UUID> ids(List<String> keys) {
        return keys.stream().map(ReferenceData::idOf).toList();
    }
}
