package dev.mercato.platform.security.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final Instant START = Instant.parse("2026-01-16T12:00:00Z");

    /** A clock the test moves by hand. */
    private static final class FakeClock implements InstantSource {
        private Instant now = START;

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }

    private final FakeClock clock = new FakeClock();

    @Test
    void allowsTheBurstThenRefusesUntilTheMinuteBucketRefills() {
        RateLimiter limiter = new RateLimiter(1000, 50, 100, clock);
        for (int i = 0; i < 50; i++) {
            assertThat(limiter.acquire("a").allowed()).isTrue();
        }

        RateLimitDecision refused = limiter.acquire("a");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isEqualTo(2); // 50 a minute: one more every 1.2 s
        clock.advance(Duration.ofMillis(1200));
        assertThat(limiter.acquire("a").allowed()).isTrue();
        assertThat(limiter.acquire("a").allowed()).isFalse();
    }

    @Test
    void refusesBeyondTheHourlyLimitEvenWithinTheBurst() {
        RateLimiter limiter = new RateLimiter(60, 50, 100, clock);
        for (int i = 0; i < 50; i++) {
            assertThat(limiter.acquire("a").allowed()).isTrue();
        }
        clock.advance(Duration.ofSeconds(90)); // the burst is whole again; the hour gave back 1.5 requests
        for (int i = 0; i < 11; i++) {
            assertThat(limiter.acquire("a").allowed()).isTrue();
        }

        RateLimitDecision refused = limiter.acquire("a");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isBetween(30L, 31L); // half a request left, one a minute
    }

    @Test
    void reportsLimitRemainingAndResetAsTheHeadersShowThem() {
        RateLimiter limiter = new RateLimiter(1000, 50, 100, clock);

        RateLimitDecision first = limiter.acquire("a");

        assertThat(first.allowed()).isTrue();
        assertThat(first.limit()).isEqualTo(1000);
        assertThat(first.remaining()).isEqualTo(49); // the burst bucket is the smaller one
        assertThat(first.retryAfterSeconds()).isZero();
        // One request taken of 1000 an hour: whole again after 3.6 s.
        assertThat(first.resetEpochSecond()).isEqualTo(START.plusMillis(3600).getEpochSecond() + 1);
    }

    @Test
    void keepsEachClientsAllowanceApart() {
        RateLimiter limiter = new RateLimiter(1000, 1, 100, clock);

        assertThat(limiter.acquire("a").allowed()).isTrue();
        assertThat(limiter.acquire("a").allowed()).isFalse();
        assertThat(limiter.acquire("b").allowed()).isTrue();
    }

    @Test
    void forgetsTheLeastRecentlyActiveClientBeyondTheBound() {
        RateLimiter limiter = new RateLimiter(1000, 1, 2, clock);
        limiter.acquire("a");
        limiter.acquire("b");
        limiter.acquire("a"); // a is now more recent than b

        limiter.acquire("c");

        assertThat(limiter.trackedClients()).isEqualTo(2);
        assertThat(limiter.acquire("a").allowed()).as("a is still tracked and spent").isFalse();
        assertThat(limiter.acquire("b").allowed()).as("b was forgotten and starts afresh").isTrue();
    }

    @Test
    void refusesLimitsThatAllowNothing() {
        assertThatThrownBy(() -> new RateLimiter(0, 50, 100, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(1000, 50, 0, clock)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsWhatAClientUsedWhenItsLimitsAreRaised() {
        RateLimiter limiter = new RateLimiter(1000, 50, 100, clock);
        for (int i = 0; i < 50; i++) {
            assertThat(limiter.acquire("a").allowed()).isTrue();
        }
        assertThat(limiter.acquire("a").allowed()).isFalse();

        RateLimitDecision raised = limiter.acquire("a", new RateLimits(5000, 80));

        assertThat(raised.allowed()).isTrue();
        assertThat(raised.limit()).isEqualTo(5000);
        assertThat(raised.remaining()).isEqualTo(29); // 80 - 50 used before - this one
    }

    @Test
    void neverGivesAClientMoreThanItsLoweredLimit() {
        RateLimiter limiter = new RateLimiter(1000, 50, 100, clock);
        assertThat(limiter.acquire("a").allowed()).isTrue();

        RateLimitDecision lowered = limiter.acquire("a", new RateLimits(1000, 2));

        assertThat(lowered.allowed()).isTrue();
        assertThat(lowered.remaining()).isZero();
        assertThat(limiter.acquire("a", new RateLimits(1000, 2)).allowed()).isFalse();
    }

    @Test
    void refusesClientLimitsThatAllowNothing() {
        assertThatThrownBy(() -> new RateLimits(0, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimits(5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
