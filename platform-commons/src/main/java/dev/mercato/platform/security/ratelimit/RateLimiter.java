package dev.mercato.platform.security.ratelimit;

import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-client request allowances of one instance (docs/SECURITY.md "Rate limits"): an hourly bucket
 * and a per-minute burst bucket, both of which must have room. Each request says the client's
 * {@link RateLimits}; when they change (an operator raised them), the client keeps what it has
 * already used and gets the difference. Memory is bounded: beyond
 * {@code maxClients} the least recently active client is forgotten (it starts again with a full
 * allowance, as one idle for an hour would).
 */
public final class RateLimiter {

    private final RateLimits defaults;
    private final InstantSource clock;
    private final Map<String, Allowance> clients;

    public RateLimiter(int perHour, int perMinute, int maxClients, InstantSource clock) {
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be positive, not " + maxClients);
        }
        this.defaults = new RateLimits(perHour, perMinute); // fails now, not on the first request
        this.clock = clock;
        this.clients = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Allowance> eldest) {
                return size() > maxClients;
            }
        };
    }

    /** Counts one request of {@code client} under the default limits, if its allowance has room. */
    public RateLimitDecision acquire(String client) {
        return acquire(client, defaults);
    }

    /** Counts one request of {@code client}, whose allowances are {@code limits}, if they have room. */
    public RateLimitDecision acquire(String client, RateLimits limits) {
        long now = clock.millis();
        Allowance allowance;
        synchronized (clients) {
            allowance = clients.computeIfAbsent(client, key -> new Allowance(limits, now));
        }
        return allowance.acquire(limits, now);
    }

    /** How many clients are tracked now. */
    public int trackedClients() {
        synchronized (clients) {
            return clients.size();
        }
    }

    /** One client's two buckets. */
    private static final class Allowance {

        private final TokenBucket hour;
        private final TokenBucket minute;

        Allowance(RateLimits limits, long now) {
            this.hour = new TokenBucket(limits.perHour(), Duration.ofHours(1), now);
            this.minute = new TokenBucket(limits.perMinute(), Duration.ofMinutes(1), now);
        }

        synchronized RateLimitDecision acquire(RateLimits limits, long now) {
            hour.refill(now);
            minute.refill(now);
            hour.resize(limits.perHour());
            minute.resize(limits.perMinute());
            boolean allowed = hour.hasToken() && minute.hasToken();
            if (allowed) {
                hour.take();
                minute.take();
            }
            long retryAfterMillis = allowed ? 0 : Math.max(hour.millisUntilToken(), minute.millisUntilToken());
            long retryAfterSeconds = allowed ? 0 : Math.max(1, ceilSeconds(retryAfterMillis));
            return new RateLimitDecision(allowed, hour.capacity(), Math.min(hour.remaining(), minute.remaining()),
                    ceilSeconds(now + hour.millisUntilFull()), retryAfterSeconds);
        }

        private static long ceilSeconds(long millis) {
            return (millis + 999) / 1000;
        }
    }
}
