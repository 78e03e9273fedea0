package dev.mercato.identity.login;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The HTTP answers that carry tokens or refuse a login for a while; shared by password and federated login. */
public final class TokenResponses {

    private TokenResponses() {
    }

    /** 200 with the tokens; never cached by a browser or proxy (RFC 6749, 5.1). */
    public static Response ok(LoginTokensResponse tokens) {
        return Response.ok(tokens, MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    /** 429 in the API error shape, with {@code Retry-After}. */
    public static Response throttled(LoginThrottledException failure) {
        return Response.status(429)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", failure.retryAfterSeconds())
                .entity(failure.toError())
                .build();
    }
}
