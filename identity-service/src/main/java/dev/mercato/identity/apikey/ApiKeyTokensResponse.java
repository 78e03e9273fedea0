package dev.mercato.identity.apikey;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of {@code POST /api/v1/auth}: {@code expires} is the access token's
 * lifetime in seconds.
 */
public record ApiKeyTokensResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("refresh_token") String refreshToken,
        long expires) {
}
