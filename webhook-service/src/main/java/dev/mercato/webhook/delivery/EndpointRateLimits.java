package dev.mercato.webhook.delivery;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Per-endpoint send rate (each instance its own): a token bucket of {@code rateLimitPerSecond} tokens refilled
 * continuously, holding at most one second's worth.
 */
@ApplicationScoped
public class EndpointRateLimits {

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** 0 when a message may go now (and a token is taken), else the milliseconds until one may. */
    public long tryAcquire(String endpointId, Integer perSecond) {
        if (perSecond == null || perSecond <= 0) {
            return 0;
        }
        return buckets.computeIfAbsent(endpointId, id -> new Bucket()).take(perSecond, System.nanoTime());
    }

    static final class Bucket {
        private double tokens = -1;
        private long refilledAt;

        synchronized long take(int perSecond, long now) {
            if (tokens < 0) {
                tokens = perSecond;
                refilledAt = now;
            }
            tokens = Math.min(perSecond, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) * 1000 / perSecond));
        }
    }
}
