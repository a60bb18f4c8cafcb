package org.luoshi.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.TreeSet;

/**
 * Compares the OpenAPI document a service serves (built from the code) with its contract: the same operations, with
 * the same path, query and header parameters and the same request body media types. A service that adds, drops or
 * renames an endpoint or a parameter without changing the contract fails.
 */
public final class OpenApiConformance {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OpenApiConformance() {
    }

    public static void assertConforms(String contractResource, String servedJson) throws IOException {
        JsonNode contract;
        try (InputStream in = OpenApiConformance.class.getClassLoader().getResourceAsStream(contractResource)) {
            if (in == null) {
                throw new IllegalArgumentException("no contract on the class path at " + contractResource);
            }
            contract = YAML.readTree(in);
        }
        JsonNode served = JSON.readTree(servedJson);
        assertEquals(signature(contract, true), signature(served, false),
                "served /q/openapi differs from " + contractResource);
    }

    /** One operation of a contract, made concrete: path parameters filled, and the media type its body is sent as. */
    public record Operation(String operationId, String method, String path, String bodyMediaType) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * Every operation of the contract with path parameters filled by a random UUID and its first request media type
     * (JSON when it has no body), so that a test can prove each one is really routed: an unrouted path answers 404 and
     * a body of the wrong type 415, both before any security check.
     */
    public static List<Operation> operations(String contractResource) throws IOException {
        List<Operation> operations = new ArrayList<>();
        try (InputStream in = OpenApiConformance.class.getClassLoader().getResourceAsStream(contractResource)) {
            YAML.readTree(in).path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
                if (METHODS.contains(op.getKey())) {
                    var media = op.getValue().path("requestBody").path("content").fieldNames();
                    operations.add(new Operation(op.getValue().path("operationId").asText(), op.getKey().toUpperCase(),
                            path.getKey().replaceAll("\\{[^}]+}", UUID.randomUUID().toString()),
                            media.hasNext() ? media.next() : "application/json"));
                }
            }));
        }
        return operations;
    }

    private static Set<String> signature(JsonNode doc, boolean onlyApi) {
        Set<String> lines = new TreeSet<>();
        doc.path("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/api/") && !onlyApi) {
                return;
            }
            JsonNode shared = path.getValue().path("parameters");
            path.getValue().properties().forEach(op -> {
                if (!METHODS.contains(op.getKey())) {
                    return;
                }
                String operation = op.getKey().toUpperCase() + " " + path.getKey();
                lines.add(operation);
                for (JsonNode parameters : new JsonNode[] {shared, op.getValue().path("parameters")}) {
                    parameters.forEach(p -> {
                        JsonNode parameter = resolve(doc, p);
                        lines.add(operation + " " + parameter.path("in").asText() + ":" + parameter.path("name").asText());
                    });
                }
                op.getValue().path("requestBody").path("content").fieldNames()
                        .forEachRemaining(media -> lines.add(operation + " body:" + media));
            });
        });
        return lines;
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
