package dev.mercato.platform.security.ratelimit;

/**
 * The answer to one request of one client, and what the {@code X-RateLimit-*} headers say about it.
 *
 * @param limit             requests allowed per hour ({@code X-RateLimit-Limit})
 * @param remaining         requests the client may still send right now ({@code X-RateLimit-Remaining})
 * @param resetEpochSecond  when the hourly allowance is whole again, in Unix seconds ({@code X-RateLimit-Reset})
 * @param retryAfterSeconds when refused, how long to wait before the next request may pass ({@code Retry-After})
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, long resetEpochSecond,
        long retryAfterSeconds) {
}
