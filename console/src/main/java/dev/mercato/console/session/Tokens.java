package dev.mercato.console.session;

import java.time.Instant;

/**
 * The signed-in user's tokens, as identity-service issued them, and what the access token says about its holder.
 * They never leave the console: the browser only holds the session cookie.
 */
public record Tokens(String accessToken, String refreshToken, Instant accessExpiresAt, TokenClaims claims) {

    /** True when the access token expires before {@code moment}. */
    public boolean expiresBefore(Instant moment) {
        return accessExpiresAt.isBefore(moment);
    }

    /** Never print the tokens. */
    @Override
    public String toString() {
        return "Tokens[subject=" + claims.subject() + ", accessExpiresAt=" + accessExpiresAt + "]";
    }
}
