package dev.mercato.console.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SessionStoreTest {

    private final MovableClock clock = new MovableClock();
    private final SessionStore store = new SessionStore(clock, Duration.ofMinutes(30), Duration.ofHours(12), 3);
    private final Tokens tokens = new Tokens("access", "refresh", clock.instant().plusSeconds(3600),
            new TokenClaims("usr_1", "org_1", "TENANT", "TENANT_ADMIN", Set.of("read:webhooks")));

    @Test
    void aSessionIsFoundByItsCookieOnlyAndEachHasItsOwnCsrfToken() {
        SessionStore.Opened first = store.open(tokens);
        SessionStore.Opened second = store.open(tokens);

        assertThat(store.find(first.cookieValue())).containsSame(first.session());
        assertThat(store.find(first.cookieValue() + "x")).isEmpty();
        assertThat(store.find(null)).isEmpty();
        assertThat(first.cookieValue()).hasSize(43).isNotEqualTo(second.cookieValue());
        assertThat(first.session().csrfToken()).hasSize(43).isNotEqualTo(second.session().csrfToken())
                .isNotEqualTo(first.cookieValue());
    }

    @Test
    void aSessionEndsWhenIdleForTheTimeoutButUseKeepsItOpen() {
        SessionStore.Opened busy = store.open(tokens);
        SessionStore.Opened idle = store.open(tokens);

        clock.advance(Duration.ofMinutes(20));
        assertThat(store.find(busy.cookieValue())).isPresent();
        clock.advance(Duration.ofMinutes(15));

        assertThat(store.find(busy.cookieValue())).isPresent();
        assertThat(store.find(idle.cookieValue())).isEmpty();
    }

    @Test
    void aSessionEndsAtItsMaximumLifetimeHoweverBusy() {
        SessionStore.Opened busy = store.open(tokens);
        for (int i = 0; i < 24; i++) {
            clock.advance(Duration.ofMinutes(29));
            store.find(busy.cookieValue());
        }
        clock.advance(Duration.ofMinutes(29));

        assertThat(store.find(busy.cookieValue())).isEmpty();
    }

    @Test
    void signInsBeyondTheLimitAreRefusedUntilSessionsEnd() {
        store.open(tokens);
        store.open(tokens);
        SessionStore.Opened third = store.open(tokens);

        assertThatThrownBy(() -> store.open(tokens)).isInstanceOf(TooManySessionsException.class);
        store.close(third.cookieValue());
        assertThat(store.open(tokens)).isNotNull();
        clock.advance(Duration.ofHours(1));
        assertThat(store.open(tokens)).as("ended sessions are swept to make room").isNotNull();
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void aFlashIsShownOnceAndNotAfterItsLifetime() {
        Session session = store.open(tokens).session();
        session.flash("secret", "s3cr3t", clock.instant().plusSeconds(60));
        session.flash("late", "gone", clock.instant().plusSeconds(60));

        assertThat(session.takeFlash("secret", String.class, clock.instant())).isEqualTo("s3cr3t");
        assertThat(session.takeFlash("secret", String.class, clock.instant())).isNull();
        clock.advance(Duration.ofMinutes(2));
        assertThat(session.takeFlash("late", String.class, clock.instant())).isNull();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
