package org.luoshi.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Rules the linter cannot express: the copies of shared schemas stay equal, and the event catalog points at real schemas. */
class ContractConsistencyTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path OPENAPI = Path.of("src/main/openapi");

    private static JsonNode read(Path path) throws IOException {
        return YAML.readTree(path.toFile());
    }

    @ParameterizedTest
    @ValueSource(strings = {"agency-api.yaml", "task-api.yaml"})
    void sharedProblemSchemasAreIdenticalToCommon(String api) throws IOException {
        JsonNode common = read(OPENAPI.resolve("common.yaml")).path("components").path("schemas");
        JsonNode schemas = read(OPENAPI.resolve(api)).path("components").path("schemas");
        for (String shared : List.of("Problem", "FieldError", "AuditActor", "AuditChange", "AuditEntry", "AuditPage",
                "MemberRule")) {
            assertEquals(common.get(shared), schemas.get(shared), shared + " in " + api + " differs from common.yaml");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"agency-api.yaml", "task-api.yaml"})
    void everyErrorResponseIsProblemJson(String api) throws IOException {
        JsonNode doc = read(OPENAPI.resolve(api));
        List<String> offenders = new ArrayList<>();
        doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            op.getValue().path("responses").properties().forEach(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    JsonNode resolved = resolve(doc, response.getValue());
                    if (!resolved.path("content").has("application/problem+json")) {
                        offenders.add(op.getKey() + " " + path.getKey() + " " + response.getKey());
                    }
                }
            });
        }));
        assertTrue(offenders.isEmpty(), "error responses without problem+json: " + offenders);
    }

    @Test
    void everyAsyncApiPayloadNamesAnEventSchema() throws IOException {
        JsonNode asyncApi = read(Path.of("src/main/asyncapi/luoshi.yaml"));
        JsonNode eventSchemas = read(OPENAPI.resolve("events.yaml")).path("components").path("schemas");
        List<String> missing = new ArrayList<>();
        asyncApi.path("components").path("messages").properties().forEach(message -> {
            String ref = message.getValue().path("payload").path("$ref").asText();
            String schema = ref.substring(ref.lastIndexOf('/') + 1);
            if (!ref.startsWith("../openapi/events.yaml#/components/schemas/") || !eventSchemas.has(schema)) {
                missing.add(message.getKey() + " -> " + ref);
            }
        });
        assertFalse(asyncApi.path("components").path("messages").isEmpty());
        assertTrue(missing.isEmpty(), "payloads not in events.yaml: " + missing);
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        String ref = node.path("$ref").asText(null);
        if (ref == null) {
            return node;
        }
        JsonNode target = doc;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }
}
