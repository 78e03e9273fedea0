package dev.mercato.identity.federated;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An ID token split into its parts (JWS compact serialization), before anything about it is
 * trusted: the JOSE header, the claims, the bytes that were signed and the signature.
 */
record SignedIdToken(JsonNode header, JsonNode claims, byte[] signingInput, byte[] signature) {

    /** Splits and decodes {@code token}; null when it is not a well-formed JWS with JSON-object parts. */
    static SignedIdToken parse(String token, ObjectMapper json) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return null;
        }
        try {
            JsonNode header = json.readTree(decode(parts[0]));
            JsonNode claims = json.readTree(decode(parts[1]));
            if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
                return null;
            }
            byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
            return new SignedIdToken(header, claims, signingInput, decode(parts[2]));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    String headerText(String name) {
        JsonNode value = header.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    String claimText(String name) {
        JsonNode value = claims.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** A NumericDate claim in epoch seconds; null when absent or not a number. */
    Long claimSeconds(String name) {
        JsonNode value = claims.get(name);
        return value != null && value.isNumber() ? value.asLong() : null;
    }

    /** Base64url without padding, as JWS requires; padding or other alphabets are refused. */
    private static byte[] decode(String part) {
        if (part.indexOf('=') >= 0) {
            throw new IllegalArgumentException("padded base64url");
        }
        return Base64.getUrlDecoder().decode(part);
    }
}
