package dev.mercato.identity.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.mercato.platform.security.ratelimit.RateLimitDecision;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Applies {@link TokenRateLimits} to the REST endpoints that hand out tokens, before the REST layer:
 * {@code POST /api/v1/auth} per API key and per address, {@code /api/v1/auth/login} and
 * {@code /api/v1/auth/federated} per address (their callers have no client identity yet; failed
 * passwords are also throttled per email). {@code POST /oauth/token} applies them itself
 * ({@link TokenEndpoint}), where the client id of a form body is known.
 */
@ApplicationScoped
public class TokenRateLimitRoutes {

    private final TokenRateLimits limits;

    public TokenRateLimitRoutes(TokenRateLimits limits) {
        this.limits = limits;
    }

    void install(@Observes Router router) {
        // After the request-id filter (Integer.MIN_VALUE), before the token endpoint and the REST layer.
        router.post("/api/v1/auth").order(Integer.MIN_VALUE + 5).handler(routing ->
                admit(routing, TokenRateLimits.apiKeyClient(apiKeyOf(routing.request().getHeader(HttpHeaders.AUTHORIZATION)))));
        router.post("/api/v1/auth/login").order(Integer.MIN_VALUE + 5).handler(routing -> admit(routing, null));
        router.post("/api/v1/auth/federated").order(Integer.MIN_VALUE + 5).handler(routing -> admit(routing, null));
    }

    private void admit(RoutingContext routing, String client) {
        RateLimitDecision refused = limits.admit(routing.request(), client);
        if (refused == null) {
            routing.next();
        } else {
            TokenRateLimits.refuse(routing.response(), refused);
        }
    }

    /**
     * The API key of {@code Basic <key>}, {@code Basic base64(<key>:)} or {@code Basic base64(:<key>)},
     * normalised so that the three spellings share one allowance; null when there is none.
     */
    static String apiKeyOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String credential = authorization.substring(6).strip();
        try {
            String decoded = new String(Base64.getDecoder().decode(credential), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon >= 0) {
                String user = decoded.substring(0, colon);
                return user.isEmpty() ? decoded.substring(colon + 1) : user;
            }
        } catch (IllegalArgumentException e) {
            // not base64: the key itself
        }
        return credential;
    }
}
