package dev.mercato.identity.token;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /oauth/token} as a plain Vert.x route rather than a JAX-RS resource: it is the hottest
 * endpoint of the platform, and skipping the REST layer (resource matching, per-request observability
 * templates, Jackson) roughly halves its CPU cost per token (docs/BENCHMARKS.md). Behaviour is
 * RFC 6749: form body in, JSON out, {@code Cache-Control: no-store}, §5.2 errors; rate-limited per client
 * and per address ({@link TokenRateLimits}) with the API's headers and 429. Documented in
 * {@code META-INF/openapi.yaml}.
 */
@ApplicationScoped
public class TokenEndpoint {

    private static final Logger LOG = Logger.getLogger(TokenEndpoint.class);
    private static final int MAX_BODY = 16 * 1024;

    private final TokenGrants grants;
    private final TokenRateLimits limits;

    public TokenEndpoint(TokenGrants grants, TokenRateLimits limits) {
        this.grants = grants;
        this.limits = limits;
    }

    void install(@Observes Router router) {
        // After the request-id filter (Integer.MIN_VALUE), before the REST layer.
        router.post("/oauth/token").order(Integer.MIN_VALUE + 10).handler(this::handle);
    }

    private void handle(RoutingContext routing) {
        // Lets Hibernate Reactive (refresh_token grant) use this request's duplicated context.
        VertxContextSafetyToggle.setCurrentContextSafe(true);
        HttpServerRequest request = routing.request();
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            fail(routing, OAuthException.invalidRequest("the body must be application/x-www-form-urlencoded"));
            return;
        }
        Buffer body = Buffer.buffer(256);
        request.handler(chunk -> {
            if (body.length() + chunk.length() > MAX_BODY) {
                request.handler(null);
                fail(routing, OAuthException.invalidRequest("the request body is too large"));
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(ended -> {
            if (!routing.response().ended()) {
                process(routing, body.toString(StandardCharsets.UTF_8));
            }
        });
        request.resume();
    }

    private void process(RoutingContext routing, String body) {
        String authorization = routing.request().getHeader(HttpHeaders.AUTHORIZATION);
        OAuthForm form;
        try {
            form = OAuthForm.parse(body);
        } catch (RuntimeException e) {
            if (admitted(routing, null)) {
                fail(routing, e);
            }
            return;
        }
        if (!admitted(routing, clientIdOf(authorization, form))) {
            return;
        }
        try {
            grants.grant(form, authorization)
                    .subscribe().with(tokens -> respond(routing, 200, json(tokens)), failure -> fail(routing, failure));
        } catch (RuntimeException e) {
            fail(routing, e);
        }
    }

    /** Counts the request against its address and client; false when it was refused with 429. */
    private boolean admitted(RoutingContext routing, String clientId) {
        var refused = limits.admit(routing.request(), TokenRateLimits.oauthClient(clientId));
        if (refused != null) {
            TokenRateLimits.refuse(routing.response(), refused);
        }
        return refused == null;
    }

    /** The client id the request names (Basic or form), whether or not its secret is right; null for none. */
    private static String clientIdOf(String authorization, OAuthForm form) {
        try {
            ClientCredentials credentials = ClientCredentials.from(authorization, form.optional("client_id"),
                    form.optional("client_secret"));
            return credentials == null ? form.optional("client_id") : credentials.clientId();
        } catch (OAuthException e) {
            return form.optional("client_id");
        }
    }

    private static void fail(RoutingContext routing, Throwable failure) {
        if (failure instanceof OAuthException oauth) {
            if (oauth.status() == 401) {
                routing.response().putHeader("WWW-Authenticate", "Basic realm=\"mercato\", charset=\"UTF-8\"");
            }
            StringBuilder error = new StringBuilder(160).append("{\"error\":\"").append(oauth.error())
                    .append("\",\"error_description\":");
            respond(routing, oauth.status(), JsonText.quote(error, oauth.getMessage()).append('}').toString());
            return;
        }
        LOG.error("token request failed", failure);
        respond(routing, 500, "{\"error\":\"server_error\",\"error_description\":\"internal error\"}");
    }

    private static void respond(RoutingContext routing, int status, String json) {
        if (routing.response().ended()) {
            return;
        }
        routing.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("Pragma", "no-cache")
                .end(json);
    }

    /** The token answer of RFC 6749 §5.1, plus {@code refresh_token} when one was issued. */
    static String json(IssuedTokens tokens) {
        StringBuilder json = new StringBuilder(tokens.accessToken().length() + 256).append("{\"access_token\":\"")
                .append(tokens.accessToken()).append("\",\"token_type\":\"Bearer\",\"expires_in\":")
                .append(tokens.expiresIn()).append(",\"scope\":");
        JsonText.quote(json, tokens.scope());
        if (tokens.refreshToken() != null) {
            json.append(",\"refresh_token\":\"").append(tokens.refreshToken()).append('"');
        }
        return json.append('}').toString();
    }
}
