package dev.mercato.platform.security.ratelimit;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Per-client limits of {@code /api/v1} requests, per service instance. A client's limits
 * are, in this order: its entry under {@code clients}, the {@code rate_limit_per_hour} and
 * {@code rate_limit_per_minute} claims of its access token (what identity-service granted the
 * application), then {@code per-hour} and {@code per-minute}.
 */
@ConfigMapping(prefix = "mercato.rate-limit")
public interface RateLimitConfig {

    /** Whether API requests are limited at all. */
    @WithDefault("true")
    boolean enabled();

    /** Requests a client may send per hour; also the {@code X-RateLimit-Limit} header. */
    @WithDefault("1000")
    int perHour();

    /** Requests a client may send per minute: the burst limit. */
    @WithDefault("50")
    int perMinute();

    /** Clients tracked at once; beyond this the least recently active one is forgotten. */
    @WithDefault("10000")
    int maxClients();

    /**
     * Limits of particular clients on this service, by client id
     * ({@code mercato.rate-limit.clients."app_…".per-hour}); what an entry leaves out comes from the
     * token's claims or the defaults.
     */
    Map<String, ClientLimits> clients();

    /** One client's limits on this service. */
    interface ClientLimits {

        Optional<Integer> perHour();

        Optional<Integer> perMinute();
    }
}
