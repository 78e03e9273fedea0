package dev.mercato.platform.security.ratelimit;

import java.time.Duration;

/**
 * {@code capacity} requests per {@code period}, refilled continuously: a client that waited a whole
 * period has its full allowance again, one that waited a fraction has that fraction. Not thread-safe;
 * {@link RateLimiter} guards it.
 */
final class TokenBucket {

    private final long periodMillis;
    private int capacity;
    private double tokensPerMilli;
    private double tokens;
    private long updatedAt;

    TokenBucket(int capacity, Duration period, long nowMillis) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least one request, not " + capacity);
        }
        this.periodMillis = period.toMillis();
        this.capacity = capacity;
        this.tokensPerMilli = (double) capacity / periodMillis;
        this.tokens = capacity;
        this.updatedAt = nowMillis;
    }

    void refill(long nowMillis) {
        if (nowMillis > updatedAt) {
            tokens = Math.min(capacity, tokens + (nowMillis - updatedAt) * tokensPerMilli);
            updatedAt = nowMillis;
        }
    }

    /**
     * Gives the bucket a new capacity per period, keeping what was used: a client whose limit is
     * raised gets the difference at once, one whose limit is lowered keeps at most the new capacity.
     * Refill first, so the used amount is current.
     */
    void resize(int newCapacity) {
        if (newCapacity == capacity) {
            return;
        }
        if (newCapacity < 1) {
            throw new IllegalArgumentException("a rate limit must allow at least one request, not " + newCapacity);
        }
        tokens = Math.max(0, Math.min(newCapacity, tokens + newCapacity - capacity));
        capacity = newCapacity;
        tokensPerMilli = (double) newCapacity / periodMillis;
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
