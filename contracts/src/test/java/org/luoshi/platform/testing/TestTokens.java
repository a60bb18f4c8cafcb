package org.luoshi.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Really signed RS256 access tokens shaped like Keycloak's, and the matching verification settings for the service
 * under test: the service checks signature, issuer, audience and expiry exactly as it does against Keycloak's keys.
 * The key pair is made fresh in each test JVM.
 */
public class TestTokens implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "http://localhost:18080/realms/luoshi";
    public static final String AUDIENCE = "luoshi-api";
    private static final KeyPair KEYS = generate();

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.auth-server-url", "",
                "quarkus.oidc.discovery-enabled", "false",
                "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()),
                "quarkus.oidc.token.issuer", ISSUER,
                "quarkus.oidc.token.audience", AUDIENCE);
    }

    @Override
    public void stop() {
    }

    /** A valid token for a user with these realm roles. */
    public static String user(String username, String... roles) {
        return claims(username, null, roles).sign(KEYS.getPrivate());
    }

    /** A valid token for an officer of an agency. */
    public static String officer(String username, UUID agencyId) {
        return claims(username, agencyId, "officer").sign(KEYS.getPrivate());
    }

    public static JwtClaimsBuilder claims(String username, UUID agencyId, String... roles) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(UUID.nameUUIDFromBytes(username.getBytes()).toString())
                .claim("preferred_username", username)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300));
        if (agencyId != null) {
            builder.claim("agency_id", agencyId.toString());
        }
        return builder;
    }

    /** Signs with a key the service does not trust. */
    public static String signedByStranger(JwtClaimsBuilder claims) {
        return claims.sign(generate().getPrivate());
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.sign(KEYS.getPrivate());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
