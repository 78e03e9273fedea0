package dev.mercato.identity.token;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits of the endpoints that hand out tokens ({@code POST /oauth/token}, {@code /api/v1/auth},
 * {@code /api/v1/auth/login}, {@code /api/v1/auth/federated}), per instance: per client and per source
 * address, each with an hourly allowance and a per-minute burst. The source address is the TCP peer,
 * or, behind a trusted proxy ({@code quarkus.http.proxy.*}), the client address the proxy forwarded.
 * Environment: {@code MERCATO_IDENTITY_TOKEN_RATE_LIMIT_…}.
 */
@ConfigMapping(prefix = "mercato.identity.token-rate-limit")
public interface TokenRateLimitConfig {

    /** Whether token requests are limited at all. */
    @WithDefault("true")
    boolean enabled();

    /** Token requests one client (client id, API key) may send per hour; its {@code X-RateLimit-Limit}. */
    @WithDefault("1000")
    int perClientPerHour();

    /** Token requests one client may send per minute. */
    @WithDefault("60")
    int perClientPerMinute();

    /** Token requests one source address may send per hour, whatever clients it names. */
    @WithDefault("5000")
    int perAddressPerHour();

    /** Token requests one source address may send per minute. */
    @WithDefault("300")
    int perAddressPerMinute();

    /** Clients, and addresses, tracked at once; beyond this the least recently active is forgotten. */
    @WithDefault("10000")
    int maxTracked();
}
