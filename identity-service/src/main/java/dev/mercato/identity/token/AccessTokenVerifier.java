package dev.mercato.identity.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.identity.key.SigningKey;
import dev.mercato.identity.key.SigningKeys;
import dev.mercato.platform.security.CallerClaims;

/**
 * Checks an access token that identity itself issued: compact JWS, ES256, a published {@code kid},
 * a valid signature, this issuer and audience. Expiry and revocation are left to the caller, which
 * decides what an expired or revoked token means for it.
 */
@Singleton
public class AccessTokenVerifier {

    private final SigningKeys keys;
    private final IssuerSettings issuer;
    private final ObjectMapper json;

    public AccessTokenVerifier(SigningKeys keys, IssuerSettings issuer, ObjectMapper json) {
        this.keys = keys;
        this.issuer = issuer;
        this.json = json;
    }

    /** The token's claims when it is genuinely ours; empty for anything else (malformed, foreign, forged). */
    public Optional<VerifiedToken> verify(String token) {
        if (token == null || token.length() > 8192) {
            return Optional.empty();
        }
        int first = token.indexOf('.');
        int second = token.indexOf('.', first + 1);
        if (first < 0 || second < 0 || token.indexOf('.', second + 1) >= 0) {
            return Optional.empty();
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            JsonNode header = json.readTree(decoder.decode(token.substring(0, first)));
            if (!"ES256".equals(header.path("alg").asText()) || !header.path("kid").isTextual()) {
                return Optional.empty();
            }
            Optional<SigningKey> key = keys.published(header.path("kid").asText());
            byte[] signature = decoder.decode(token.substring(second + 1));
            if (key.isEmpty() || !signatureValid(key.get(), token.substring(0, second), signature)) {
                return Optional.empty();
            }
            JsonNode claims = json.readTree(decoder.decode(token.substring(first + 1, second)));
            boolean ours = issuer.issuer().equals(claims.path("iss").asText())
                    && AccessTokenMinter.AUDIENCE.equals(claims.path("aud").asText());
            if (!ours || !claims.path("exp").canConvertToLong() || !claims.path("jti").isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new VerifiedToken(claims));
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

    private static boolean signatureValid(SigningKey key, String signingInput, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(Es256Signatures.JDK_ALGORITHM);
            verifier.initVerify(key.publicKey());
            verifier.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signature.length == 64 && verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The claims of a verified token. */
    public record VerifiedToken(JsonNode claims) {

        public String jti() {
            return claims.path("jti").asText();
        }

        public String subject() {
            return claims.path("sub").asText();
        }

        public String clientId() {
            return claims.path("client_id").asText();
        }

        public String organizationPath() {
            return claims.path("org_path").asText();
        }

        /** As precise as the token says: {@code iat_ms} when present (see {@link CallerClaims#issuedAt}). */
        public Instant issuedAt() {
            JsonNode millis = claims.path(CallerClaims.ISSUED_AT_MILLIS);
            return CallerClaims.issuedAt(claims.path("iat").asLong(),
                    millis.canConvertToLong() ? millis.asLong() : null);
        }

        public Instant expiresAt() {
            return Instant.ofEpochSecond(claims.path("exp").asLong());
        }

        public boolean expired() {
            return !Instant.now().isBefore(expiresAt());
        }
    }
}
