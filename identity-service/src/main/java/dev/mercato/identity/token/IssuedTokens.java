package dev.mercato.identity.token;

/**
 * What {@link AccessTokenIssuer} hands out.
 *
 * @param accessToken  the signed JWT
 * @param expiresIn    its lifetime in seconds
 * @param scope        the granted scopes, space-separated, sorted
 * @param refreshToken an opaque refresh token, or {@code null} when none was asked for
 */
public record IssuedTokens(String accessToken, long expiresIn, String scope, String refreshToken) {
}
