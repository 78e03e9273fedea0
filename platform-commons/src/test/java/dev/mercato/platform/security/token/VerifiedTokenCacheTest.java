package dev.mercato.platform.security.token;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-01-16T12:00:00Z");
    private static final int GRACE_SECONDS = 30;

    /** A clock the test moves by hand. */
    private static final class FakeClock implements InstantSource {
        private Instant now = NOW;

        @Override
        public Instant instant() {
            return now;
        }

        void set(Instant instant) {
            now = instant;
        }
    }

    private final FakeClock clock = new FakeClock();
    private final SecurityIdentity identity = QuarkusSecurityIdentity.builder().setPrincipal(() -> "usr_1").build();

    @Test
    void forgetsATokenExactlyWhenItsExpiryPlusTheGraceIsReached() {
        VerifiedTokenCache cache = cache(true, 10);
        long exp = NOW.plus(Duration.ofMinutes(5)).getEpochSecond();
        cache.remember("token", identity, exp);

        clock.set(Instant.ofEpochSecond(exp + GRACE_SECONDS).minusMillis(1));
        assertThat(cache.find("token")).isSameAs(identity);
        clock.set(Instant.ofEpochSecond(exp + GRACE_SECONDS));
        assertThat(cache.find("token")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void neverRemembersATokenThatIsAlreadyRefused() {
        VerifiedTokenCache cache = cache(true, 10);

        cache.remember("token", identity, NOW.minusSeconds(GRACE_SECONDS).getEpochSecond());

        assertThat(cache.find("token")).isNull();
    }

    @Test
    void findsOnlyTheExactToken() {
        VerifiedTokenCache cache = cache(true, 10);
        cache.remember("a.b.c", identity, NOW.plusSeconds(60).getEpochSecond());

        assertThat(cache.find("a.b.c")).isSameAs(identity);
        assertThat(cache.find("a.b.d")).isNull();
        assertThat(cache.find("a.b.c ")).isNull();
    }

    @Test
    void holdsNoMoreThanItsMaximumSize() {
        VerifiedTokenCache cache = cache(true, 3);
        for (int i = 0; i < 50; i++) {
            cache.remember("token-" + i, identity, NOW.plusSeconds(60).getEpochSecond());
        }

        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void remembersNothingWhenDisabled() {
        VerifiedTokenCache cache = cache(false, 10);
        cache.remember("token", identity, NOW.plusSeconds(60).getEpochSecond());

        assertThat(cache.find("token")).isNull();
    }

    private VerifiedTokenCache cache(boolean enabled, int maxSize) {
        return new VerifiedTokenCache(new TokenVerificationConfig.TokenCache() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public int maxSize() {
                return maxSize;
            }
        }, GRACE_SECONDS, new SimpleMeterRegistry(), clock);
    }
}
