package org.luoshi.agency.reference;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The reference data in seeds/agencies/*.yaml (format in that folder's README): agencies under stable keys, and
 * reorganizations between them. Ids derive from the keys, so loading twice finds what the first load made.
 */
public record ReferenceData(List<AgencySeed> agencies, List<ReorganizationSeed> reorganizations) {

    public record NameSeed(String name, String kind) {
    }

    public record IdentifierSeed(String scheme, String identifier) {
    }

    public record AgencySeed(String key, String name, String shortName, List<NameSeed> otherNames,
            String classification, String level, String divisionCode, String parent, List<IdentifierSeed> identifiers,
            LocalDate foundingDate, LocalDate dissolutionDate) {

        public UUID id() {
            return idOf(key);
        }
    }

    public record ReorganizationSeed(String key, String type, LocalDate effectiveOn, String basis, List<String> originals,
            List<String> resulting) {

        public ReorganizationSeed {
            // a DISSOLVE may list no results (as through the API); a missing list is an empty one
            originals = originals == null ? List.of() : originals;
            resulting = resulting == null ? List.of() : resulting;
        }

        public UUID id() {
            return UUID.nameUUIDFromBytes(("luoshi:reorganization:" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private record File(List<AgencySeed> agencies, List<ReorganizationSeed> reorganizations) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public static UUID idOf(String key) {
        return UUID.nameUUIDFromBytes(("luoshi:agency:" + key).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Reads every *.yaml of the folder, checks keys and references, and orders agencies parents first. */
    public static ReferenceData read(Path directory) {
        List<AgencySeed> agencies = new ArrayList<>();
        List<ReorganizationSeed> reorganizations = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                File content = YAML.readValue(file.toFile(), File.class);
                if (content != null && content.agencies() != null) {
                    agencies.addAll(content.agencies());
                }
                if (content != null && content.reorganizations() != null) {
                    reorganizations.addAll(content.reorganizations());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reference data in " + directory + " cannot be read", e);
        }
        return new ReferenceData(parentsFirst(agencies), reorganizations).checked();
    }

    private ReferenceData checked() {
        Set<String> keys = new HashSet<>();
        for (AgencySeed agency : agencies) {
            if (!keys.add(agency.key())) {
                throw new IllegalArgumentException("agency key " + agency.key() + " appears twice");
            }
        }
        for (ReorganizationSeed reorganization : reorganizations) {
            Stream.concat(reorganization.originals().stream(), reorganization.resulting().stream())
                    .filter(key -> !keys.contains(key)).findFirst().ifPresent(key -> {
                        throw new IllegalArgumentException("reorganization " + reorganization.key() + " names unknown agency " + key);
                    });
        }
        return this;
    }

    private static List<AgencySeed> parentsFirst(List<AgencySeed> agencies) {
        Map<String, AgencySeed> byKey = new LinkedHashMap<>();
        agencies.forEach(a -> byKey.put(a.key(), a));
        Map<String, Boolean> placed = new HashMap<>();
        List<AgencySeed> ordered = new ArrayList<>();
        for (AgencySeed agency : agencies) {
            place(agency, byKey, placed, ordered);
        }
        return ordered;
    }

    private static void place(AgencySeed agency, Map<String, AgencySeed> byKey, Map<String, Boolean> placed,
            List<AgencySeed> ordered) {
        Boolean state = placed.get(agency.key());
        if (Boolean.TRUE.equals(state)) {
            return;
        }
        if (Boolean.FALSE.equals(state)) {
            throw new IllegalArgumentException("agency " + agency.key() + " is its own ancestor");
        }
        placed.put(agency.key(), false);
        if (agency.parent() != null) {
            AgencySeed parent = byKey.get(agency.parent());
            if (parent == null) {
                throw new IllegalArgumentException("agency " + agency.key() + " names unknown parent " + agency.parent());
            }
            place(parent, byKey, placed, ordered);
        }
        placed.put(agency.key(), true);
        ordered.add(agency);
    }
}
