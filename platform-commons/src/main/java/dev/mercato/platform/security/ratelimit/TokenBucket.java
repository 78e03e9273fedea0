package dev.mercato.platform.security.ratelimit;

import java.time.Duration;

/**
 * {@code capacity} requests per {@code period}, refilled continuously: a client that waited a whole
 * period has its full allowance again, one that waited a fraction has that fraction. Not thread-safe;
 * {@link RateLimiter} guards it.
 */
final class TokenBucket {

    private final int capacity;
    private final double tokensPerMilli;
    private double tokens;
    private long updatedAt;

    TokenBucket(int capacity, Duration period, long nowMillis) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least one request, not " + capacity);
        }
        this.capacity = capacity;
        this.tokensPerMilli = (double) capacity / period.toMillis();
        this.tokens = capacity;
        this.updatedAt = nowMillis;
    }

    void refill(long nowMillis) {
        if (nowMillis > updatedAt) {
            tokens = Math.min(capacity, tokens + (nowMillis - updatedAt) * tokensPerMilli);
            updatedAt = nowMillis;
        }
    }

    boolean hasToken() {
        return tokens >= 1;
    }

    void take() {
        tokens -= 1;
    }

    int capacity() {
        return capacity;
    }

    long remaining() {
        return (long) Math.floor(tokens);
    }

    /** How long until one more request is allowed; 0 when it is now. */
    long millisUntilToken() {
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / tokensPerMilli);
    }

    /** How long until the whole allowance is back. */
    long millisUntilFull() {
        return (long) Math.ceil((capacity - tokens) / tokensPerMilli);
    }
}
