package dev.mercato.platform.security.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Per-client limits of {@code /api/v1} requests (seed 000), per service instance. */
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
}
