package org.luoshi.platform.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.luoshi.platform.security.Roles;

/**
 * Drives every operation of a contract with really signed tokens that must fail (none, expired, another issuer, another
 * audience, a key the service does not trust, a tampered signature: 401) and with a token of each realm role: 403 for a
 * role the implementing method's {@code @RolesAllowed} does not list, and neither 401 nor 403 for one it lists. An
 * operation whose implementation declares no roles fails the check: access is declared, never defaulted.
 */
public final class SecurityMatrix {

    public static final List<String> ROLES = List.of(Roles.ADMIN, Roles.SUPERVISOR, Roles.OFFICER, Roles.INTEGRATOR,
            Roles.SERVICE);

    private SecurityMatrix() {
    }

    /** Tokens that carry a role, yet must be refused before any role is looked at. */
    public static Map<String, String> invalidTokens() {
        Function<JwtClaimsBuilder, String> sign = TestTokens::sign;
        String valid = TestTokens.user("admin", Roles.ADMIN);
        String[] parts = valid.split("\\.");
        byte[] signature = java.util.Base64.getUrlDecoder().decode(parts[2]);
        signature[signature.length / 2] ^= 0x01;
        String tampered = parts[0] + "." + parts[1] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(signature);
        return Map.of(
                "expired", sign.apply(TestTokens.claims("admin", null, Roles.ADMIN)
                        .issuedAt(Instant.now().minusSeconds(3600)).expiresAt(Instant.now().minusSeconds(1800))),
                "another issuer", sign.apply(TestTokens.claims("admin", null, Roles.ADMIN)
                        .issuer("http://localhost:18080/realms/elsewhere")),
                "another audience", sign.apply(TestTokens.claims("admin", null, Roles.ADMIN).audience("other-api")),
                "an untrusted key", TestTokens.signedByStranger(TestTokens.claims("admin", null, Roles.ADMIN)),
                "a tampered signature", tampered,
                "not a JWT", "not-a-token");
    }

    public static void assertEnforced(String contractResource, Class<?>... resources) throws Exception {
        List<String> failures = new ArrayList<>();
        for (OpenApiConformance.Operation operation : OpenApiConformance.operations(contractResource)) {
            Set<String> allowed = allowedRoles(operation.operationId(), resources);
            invalidTokens().forEach((kind, token) -> {
                int status = call(operation, token);
                if (status != 401) {
                    failures.add(operation + " with " + kind + " token answered " + status + ", expected 401");
                }
            });
            for (String role : ROLES) {
                String token = role.equals(Roles.OFFICER) ? TestTokens.officer("officer", UUID.randomUUID())
                        : TestTokens.user(role, role);
                int status = call(operation, token);
                boolean refused = status == 401 || status == 403;
                if (allowed.contains(role) == refused || !allowed.contains(role) && status != 403) {
                    failures.add(operation + " as " + role + " answered " + status + "; allowed roles " + allowed);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    private static int call(OpenApiConformance.Operation operation, String token) {
        return given().auth().oauth2(token).contentType(operation.bodyMediaType())
                .body("{}".getBytes(StandardCharsets.UTF_8))
                .when().request(operation.method(), operation.path()).then().extract().statusCode();
    }

    private static Set<String> allowedRoles(String operationId, Class<?>... resources) {
        for (Class<?> resource : resources) {
            for (Method method : resource.getDeclaredMethods()) {
                if (method.getName().equals(operationId) && !method.isBridge()) {
                    RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
                    if (roles == null) {
                        roles = resource.getAnnotation(RolesAllowed.class);
                    }
                    assertNotNull(roles, operationId + " in " + resource.getSimpleName() + " declares no @RolesAllowed");
                    assertTrue(roles.value().length > 0, operationId + " allows no role");
                    return Set.copyOf(Arrays.asList(roles.value()));
                }
            }
        }
        throw new AssertionError("no implementation of " + operationId + " among " + Arrays.toString(resources));
    }
}
