package dev.mercato.identity.federated;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The signing keys an issuer publishes (its JWKS), as Java keys, and when they were fetched. Only
 * keys usable for our algorithms are kept: RSA of at least 2048 bits and EC on P-256, with
 * {@code use} absent or {@code sig}; anything else in the set is skipped, not an error.
 */
record IssuerKeySet(List<Entry> keys, Instant fetchedAt) {

    private static final int MIN_RSA_BITS = 2048;

    /** One usable key: its {@code kid} (may be null), its {@code alg} if it names one, and the key. */
    record Entry(String kid, String alg, PublicKey key) {
    }

    IssuerKeySet {
        keys = List.copyOf(keys);
    }

    /**
     * The key for a token's {@code kid} and algorithm. A token without {@code kid} is accepted only when
     * exactly one key of the right type exists, so the choice is never ambiguous; null when none fits.
     */
    PublicKey find(String kid, JwsAlgorithm algorithm) {
        List<Entry> candidates = keys.stream()
                .filter(entry -> algorithm.fits(entry.key()))
                .filter(entry -> entry.alg() == null || entry.alg().equals(algorithm.name()))
                .filter(entry -> kid == null || kid.equals(entry.kid()))
                .toList();
        return candidates.size() == 1 ? candidates.get(0).key() : null;
    }

    /** Reads a JWKS document ({@code {"keys": [...]}}). */
    static IssuerKeySet parse(JsonNode jwks, Instant fetchedAt) {
        JsonNode keys = jwks.path("keys");
        if (!keys.isArray()) {
            throw new IllegalArgumentException("key set has no \"keys\" array");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode jwk : keys) {
            String use = text(jwk, "use");
            if (use != null && !"sig".equals(use)) {
                continue;
            }
            PublicKey key = switch (String.valueOf(text(jwk, "kty"))) {
                case "RSA" -> rsa(jwk);
                case "EC" -> ec(jwk);
                default -> null;
            };
            if (key != null) {
                entries.add(new Entry(text(jwk, "kid"), text(jwk, "alg"), key));
            }
        }
        return new IssuerKeySet(entries, fetchedAt);
    }

    private static PublicKey rsa(JsonNode jwk) {
        BigInteger modulus = unsigned(jwk, "n");
        BigInteger exponent = unsigned(jwk, "e");
        if (modulus == null || exponent == null || modulus.bitLength() < MIN_RSA_BITS) {
            return null;
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    private static PublicKey ec(JsonNode jwk) {
        BigInteger x = unsigned(jwk, "x");
        BigInteger y = unsigned(jwk, "y");
        if (!"P-256".equals(text(jwk, "crv")) || x == null || y == null) {
            return null;
        }
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            ECParameterSpec p256 = parameters.getParameterSpec(ECParameterSpec.class);
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), p256));
        } catch (GeneralSecurityException e) {
            return null;
        }
    }

    private static BigInteger unsigned(JsonNode jwk, String member) {
        String value = text(jwk, member);
        if (value == null) {
            return null;
        }
        try {
            return new BigInteger(1, Base64.getUrlDecoder().decode(value));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
