package dev.mercato.identity.token;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The client authentication a request to an OAuth endpoint carried (RFC 6749 §2.3.1): HTTP Basic
 * ({@code client_secret_basic}, id and secret form-url-encoded, then base64) or the form parameters
 * {@code client_id}/{@code client_secret} ({@code client_secret_post}). Using both is refused.
 */
public record ClientCredentials(String clientId, String clientSecret) {

    /** The credentials, or null when the request carried none. */
    public static ClientCredentials from(String authorization, String formClientId, String formClientSecret) {
        if (authorization != null && !authorization.isBlank()) {
            if (formClientSecret != null) {
                throw OAuthException.invalidRequest("use one client authentication method, not Basic and client_secret");
            }
            ClientCredentials basic = basic(authorization);
            if (formClientId != null && !formClientId.equals(basic.clientId)) {
                throw OAuthException.invalidClient("client_id does not match the Authorization header");
            }
            return basic;
        }
        if (formClientId == null && formClientSecret == null) {
            return null;
        }
        if (formClientId == null || formClientSecret == null) {
            throw OAuthException.invalidClient("client_id and client_secret are both required");
        }
        return new ClientCredentials(formClientId, formClientSecret);
    }

    private static ClientCredentials basic(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw OAuthException.invalidClient("unsupported authentication scheme; use Basic");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidClient("malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw OAuthException.invalidClient("malformed Basic credentials");
        }
        try {
            return new ClientCredentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw OAuthException.invalidClient("malformed Basic credentials");
        }
    }
}
