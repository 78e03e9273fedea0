package dev.mercato.identity.login;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.mercato.identity.token.IssuedTokens;

/**
 * What a login answers, in the shape resellers' APIs use for it:
 * {@code {"access_token": "…", "refresh_token": "…", "expires": 3600}}, {@code expires} in seconds.
 */
public record LoginTokensResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("refresh_token") String refreshToken,
        long expires) {

    static LoginTokensResponse of(IssuedTokens tokens) {
        return new LoginTokensResponse(tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn());
    }

    /** Never print the tokens. */
    @Override
    public String toString() {
        return "LoginTokensResponse[expires=" + expires + "]";
    }
}
