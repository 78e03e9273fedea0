package dev.mercato.console.web;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.console.ConsoleConfig;
import dev.mercato.console.session.Session;

/**
 * Values a form's redirect hands to the next page, shown once: a new secret, a test's outcome, a notice. Kept in the
 * session's memory until that page takes them, or {@code flash-lifetime} passes — a reload never shows a secret again.
 */
@ApplicationScoped
public class Flashes {

    static final String NOTICE = "notice";

    private final Clock clock;
    private final Duration lifetime;

    public Flashes(Clock clock, ConsoleConfig config) {
        this.clock = clock;
        this.lifetime = config.sessions().flashLifetime();
    }

    public void put(Session session, String key, Object value) {
        session.flash(key, value, clock.instant().plus(lifetime));
    }

    public <T> T take(Session session, String key, Class<T> type) {
        return session.takeFlash(key, type, clock.instant());
    }

    public void notice(Session session, String text) {
        put(session, NOTICE, text);
    }

    public String takeNotice(Session session) {
        return take(session, NOTICE, String.class);
    }
}
