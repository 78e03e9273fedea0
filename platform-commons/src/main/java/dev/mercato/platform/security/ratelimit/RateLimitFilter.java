package dev.mercato.platform.security.ratelimit;

import java.time.InstantSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.mercato.platform.api.ApiError;
import dev.mercato.platform.security.CallerClaims;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * Applies the {@link RateLimiter} to every {@code /api/v1} request before it is routed, per client:
 * the verified token's {@code client_id}, else the remote address (a token that fails verification
 * counts against the address, so forged client ids cannot drain another client's allowance). Puts
 * the {@code X-RateLimit-*} headers on every answer and refuses with 429 when the allowance is spent.
 */
@ApplicationScoped
public class RateLimitFilter {

    private static final String API = "/api/v1";

    private final RateLimitConfig config;
    private final CurrentIdentityAssociation identities;
    private final RateLimiter limiter;

    public RateLimitFilter(RateLimitConfig config, CurrentIdentityAssociation identities) {
        this.config = config;
        this.identities = identities;
        this.limiter = new RateLimiter(config.perHour(), config.perMinute(), config.maxClients(),
                InstantSource.system());
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> limit(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (!config.enabled() || !(path.equals(API) || path.startsWith(API + "/"))) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull() // refused later, with 401, by the endpoint's security check
                .map(identity -> {
                    RateLimitDecision decision = limiter.acquire(clientOf(identity, http));
                    MultiMap headers = http.response().headers();
                    headers.set("X-RateLimit-Limit", Long.toString(decision.limit()));
                    headers.set("X-RateLimit-Remaining", Long.toString(decision.remaining()));
                    headers.set("X-RateLimit-Reset", Long.toString(decision.resetEpochSecond()));
                    return decision.allowed() ? null : tooManyRequests(decision.retryAfterSeconds());
                });
    }

    private static String clientOf(SecurityIdentity identity, HttpServerRequest http) {
        CallerClaims claims = identity == null || identity.isAnonymous() ? null
                : identity.getAttribute(CallerClaims.ATTRIBUTE);
        if (claims != null && claims.clientId() != null) {
            return "client:" + claims.clientId();
        }
        SocketAddress remote = http.remoteAddress();
        return "address:" + (remote == null ? "unknown" : remote.hostAddress());
    }

    private static Response tooManyRequests(long retryAfterSeconds) {
        return Response.status(429).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Retry-After", Long.toString(retryAfterSeconds))
                .entity(new ApiError(429, "Rate limit exceeded", null, retryAfterSeconds))
                .build();
    }
}
