package dev.mercato.console.session;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The claims of an access token (docs/SECURITY.md "Access token") the console uses to decide what to show: who the
 * user is, the organization, the role and the scopes. The console read the token straight from identity-service's
 * answer, so it does not verify the signature; every API verifies the token and decides what the user may do.
 */
public record TokenClaims(String subject, String organizationId, String organizationKind, String role,
        Set<String> scopes) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the payload of a JWT; an access token that is not one is a broken identity answer. */
    public static TokenClaims of(String accessToken) {
        String[] parts = accessToken.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("the access token is not a JWT");
        }
        try {
            JsonNode payload = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            Set<String> scopes = new TreeSet<>();
            for (String scope : payload.path("scope").asText("").split(" ")) {
                if (!scope.isBlank()) {
                    scopes.add(scope);
                }
            }
            return new TokenClaims(payload.path("sub").asText(), payload.path("org").asText(),
                    payload.path("org_kind").asText(), payload.path("role").asText(), Set.copyOf(scopes));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new IllegalArgumentException("the access token's payload is not readable JSON", e);
        }
    }

    public boolean may(String scope) {
        return scopes.contains(scope);
    }
}
