package dev.mercato.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.id.Ids;
import dev.mercato.platform.security.Role;

/**
 * Real signed access tokens, as identity-service issues them (docs/SECURITY.md "Access token"),
 * from the {@link TestIssuer} the service under test trusts; and the broken ones it must refuse.
 * Every token gets its own subject, client id and token id unless a {@link Builder} sets them.
 *
 * <pre>{@code
 * given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, partner)).get("/api/v1/accounts")
 * }</pre>
 */
public final class TestTokens {

    public static final String AUDIENCE = "mercato";
    public static final String OTHER_ISSUER = "https://issuer.example.invalid";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestTokens() {
    }

    /** A valid token of {@code role} in the organization; no {@code scopes} means every scope the role allows. */
    public static String forRole(Role role, String organizationId, String organizationPath, String... scopes) {
        return builder(role, organizationId, organizationPath).scopes(scopes).mint();
    }

    public static String forRole(Role role, TestOrganization organization, String... scopes) {
        return forRole(role, organization.id(), organization.path(), scopes);
    }

    /** Like {@link #forRole} but expired an hour ago. */
    public static String expired(Role role, String organizationId, String organizationPath, String... scopes) {
        Instant now = Instant.now();
        return builder(role, organizationId, organizationPath).scopes(scopes)
                .issuedAt(now.minus(Duration.ofHours(2))).expiresAt(now.minus(Duration.ofHours(1))).mint();
    }

    /** Signed with the trusted key but naming another issuer, so only the issuer check can refuse it. */
    public static String fromOtherIssuer(Role role, String organizationId, String organizationPath, String... scopes) {
        return builder(role, organizationId, organizationPath).scopes(scopes).issuer(OTHER_ISSUER).mint();
    }

    /** Unsigned ({@code "alg": "none"}), otherwise valid. */
    public static String algNone(Role role, String organizationId, String organizationPath, String... scopes) {
        return builder(role, organizationId, organizationPath).scopes(scopes).mintUnsigned();
    }

    /** Signed by a key the issuer never published, under the trusted key's id: a forgery. */
    public static String signedByUnknownKey(Role role, String organizationId, String organizationPath,
            String... scopes) {
        IssuerKeys trusted = IssuerKeys.published();
        return builder(role, organizationId, organizationPath).scopes(scopes)
                .mintSignedWith(IssuerKeys.newKeyPair().getPrivate(), trusted.keyId());
    }

    /** Valid, but for another audience than {@value #AUDIENCE}. */
    public static String forOtherAudience(Role role, String organizationId, String organizationPath,
            String... scopes) {
        return builder(role, organizationId, organizationPath).scopes(scopes).audience("other-api").mint();
    }

    /**
     * A valid token whose id is then revoked on {@code identity.revocations}, as identity-service would
     * do; returns once the service has stored the revocation (it enforces it from memory first).
     */
    public static String revoked(Role role, String organizationId, String organizationPath, String... scopes) {
        String token = forRole(role, organizationId, organizationPath, scopes);
        TestRevocations.revokeToken(claim(token, "jti"));
        return token;
    }

    /** Starts a token of {@code role} in the organization, for the claims the shortcuts do not set. */
    public static Builder builder(Role role, String organizationId, String organizationPath) {
        return new Builder(role, organizationId, organizationPath);
    }

    /** A claim of {@code token}, read without verifying it. */
    public static String claim(String token, String name) {
        Object value = claims(token).get(name);
        return value == null ? null : value.toString();
    }

    /** The claims of {@code token}, read without verifying it. */
    public static Map<String, Object> claims(String token) {
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
            return JSON.readValue(payload, new TypeReference<Map<String, Object>>() {
            });
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }

    /** The claims of one token, each overridable; {@link #mint()} signs it as the test issuer. */
    public static final class Builder {

        private final Map<String, Object> claims = new LinkedHashMap<>();
        private final Role role;

        private Builder(Role role, String organizationId, String organizationPath) {
            this.role = role;
            Instant now = Instant.now();
            claims.put("sub", Ids.next("usr"));
            claims.put("aud", AUDIENCE);
            claims.put("client_id", Ids.next("app"));
            claims.put("org", organizationId);
            claims.put("org_kind", role.organizationKind());
            claims.put("org_path", organizationPath);
            claims.put("role", role.name());
            claims.put("scope", String.join(" ", role.allowedScopes().stream().sorted().toList()));
            claims.put("jti", UUID.randomUUID().toString());
            claims.put("iat", now.getEpochSecond());
            claims.put("exp", now.plus(Duration.ofHours(1)).getEpochSecond());
        }

        /** The token's scopes; none means every scope the role allows. */
        public Builder scopes(String... scopes) {
            if (scopes.length > 0) {
                claims.put("scope", String.join(" ", scopes));
            }
            return this;
        }

        public Builder subject(String subject) {
            return claim("sub", subject);
        }

        public Builder clientId(String clientId) {
            return claim("client_id", clientId);
        }

        public Builder tokenId(String tokenId) {
            return claim("jti", tokenId);
        }

        public Builder issuedAt(Instant issuedAt) {
            return claim("iat", issuedAt.getEpochSecond());
        }

        public Builder expiresAt(Instant expiresAt) {
            return claim("exp", expiresAt.getEpochSecond());
        }

        public Builder issuer(String issuer) {
            return claim("iss", issuer);
        }

        public Builder audience(String audience) {
            return claim("aud", audience);
        }

        /**
         * The allowances identity-service grants the token's application: {@code rate_limit_per_hour}
         * and {@code rate_limit_per_minute}, which replace the service's default rate limits for it.
         */
        public Builder rateLimits(int perHour, int perMinute) {
            return claim("rate_limit_per_hour", perHour).claim("rate_limit_per_minute", perMinute);
        }

        /** Sets any claim; null removes it. */
        public Builder claim(String name, Object value) {
            if (value == null) {
                claims.remove(name);
            } else {
                claims.put(name, value);
            }
            return this;
        }

        public Role role() {
            return role;
        }

        /** Signs the token (ES256) with the test issuer's key. */
        public String mint() {
            IssuerKeys issuer = IssuerKeys.published();
            return mintSignedWith(issuer.privateKey(), issuer.keyId());
        }

        /** Signs the token (ES256) with {@code key}, naming {@code keyId} in its header. */
        public String mintSignedWith(PrivateKey key, String keyId) {
            String signingInput = encode(Map.of("alg", "ES256", "typ", "JWT", "kid", keyId)) + "."
                    + encode(payload());
            try {
                Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
                signature.initSign(key);
                signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("could not sign a test token", e);
            }
        }

        /** The token with {@code "alg": "none"} and no signature. */
        public String mintUnsigned() {
            return encode(Map.of("alg", "none", "typ", "JWT")) + "." + encode(payload()) + ".";
        }

        private Map<String, Object> payload() {
            IssuerKeys issuer = IssuerKeys.published();
            TestIssuerClient.bringOnline();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("iss", issuer.issuer());
            payload.putAll(claims);
            return payload;
        }

        private static String encode(Map<String, Object> json) {
            try {
                return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(json));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
