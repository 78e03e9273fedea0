package dev.mercato.identity.token;

/**
 * A refusal of an OAuth endpoint, answered as RFC 6749 §5.2 says (never in the API error shape):
 * 400 with the error code, or 401 with {@code WWW-Authenticate} for {@code invalid_client}.
 */
public class OAuthException extends RuntimeException {

    private final String error;
    private final int status;

    private OAuthException(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    public static OAuthException invalidRequest(String description) {
        return new OAuthException(400, "invalid_request", description);
    }

    public static OAuthException invalidClient(String description) {
        return new OAuthException(401, "invalid_client", description);
    }

    public static OAuthException invalidGrant(String description) {
        return new OAuthException(400, "invalid_grant", description);
    }

    public static OAuthException unauthorizedClient(String description) {
        return new OAuthException(400, "unauthorized_client", description);
    }

    public static OAuthException unsupportedGrantType(String description) {
        return new OAuthException(400, "unsupported_grant_type", description);
    }

    public static OAuthException invalidScope(String description) {
        return new OAuthException(400, "invalid_scope", description);
    }

    public String error() {
        return error;
    }

    public int status() {
        return status;
    }

    public OAuthError toBody() {
        return new OAuthError(error, getMessage());
    }
}
