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
 * counts against the address, so forged client ids cannot drain another client's allowance), under
 * that client's limits ({@link RateLimitConfig}: configured for the client, else granted in its
 * token's claims, else the defaults). Puts the {@code X-RateLimit-*} headers on every answer and
 * refuses with 429 when the allowance is spent.
 */
@ApplicationScoped
public class RateLimitFilter {

    private static final String API = "/api/v1";

    private final RateLimitConfig config;
    private final CurrentIdentityAssociation identities;
    private final RateLimiter limiter;
    private final RateLimits defaults;

    public RateLimitFilter(RateLimitConfig config, CurrentIdentityAssociation identities) {
        this.config = config;
        this.identities = identities;
        this.limiter = new RateLimiter(config.perHour(), config.perMinute(), config.maxClients(),
                InstantSource.system());
        this.defaults = new RateLimits(config.perHour(), config.perMinute());
        config.clients().forEach((client, limits) -> configured(limits, null)); // a bad entry fails at start-up
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
                    CallerClaims claims = claimsOf(identity);
                    RateLimitDecision decision = claims != null && claims.clientId() != null
                            ? limiter.acquire("client:" + claims.clientId(), limitsOf(claims))
                            : limiter.acquire(addressOf(http), defaults);
                    MultiMap headers = http.response().headers();
                    headers.set("X-RateLimit-Limit", Long.toString(decision.limit()));
                    headers.set("X-RateLimit-Remaining", Long.toString(decision.remaining()));
                    headers.set("X-RateLimit-Reset", Long.toString(decision.resetEpochSecond()));
                    return decision.allowed() ? null : tooManyRequests(decision.retryAfterSeconds());
                });
    }

    private RateLimits limitsOf(CallerClaims claims) {
        RateLimitConfig.ClientLimits limits = config.clients().get(claims.clientId());
        if (limits == null && claims.rateLimitPerHour() == null && claims.rateLimitPerMinute() == null) {
            return defaults;
        }
        return configured(limits, claims);
    }

    private RateLimits configured(RateLimitConfig.ClientLimits limits, CallerClaims claims) {
        Integer perHour = limits == null ? null : limits.perHour().orElse(null);
        Integer perMinute = limits == null ? null : limits.perMinute().orElse(null);
        if (claims != null) {
            perHour = perHour != null ? perHour : claims.rateLimitPerHour();
            perMinute = perMinute != null ? perMinute : claims.rateLimitPerMinute();
        }
        return new RateLimits(perHour != null ? perHour : defaults.perHour(),
                perMinute != null ? perMinute : defaults.perMinute());
    }

    private static CallerClaims claimsOf(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(CallerClaims.ATTRIBUTE);
    }

    private static String addressOf(HttpServerRequest http) {
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
