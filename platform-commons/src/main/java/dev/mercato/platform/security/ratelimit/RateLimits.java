package dev.mercato.platform.security.ratelimit;

/**
 * One client's allowances: requests per hour ({@code X-RateLimit-Limit}) and per minute (the burst).
 * Both must be positive.
 */
public record RateLimits(int perHour, int perMinute) {

    public RateLimits {
        if (perHour < 1 || perMinute < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least one request, not "
                    + perHour + "/h, " + perMinute + "/min");
        }
    }
}
