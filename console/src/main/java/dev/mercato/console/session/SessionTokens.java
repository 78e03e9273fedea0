package dev.mercato.console.session;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.console.ConsoleConfig;
import dev.mercato.console.api.SessionEndedException;
import io.smallrye.mutiny.Uni;

/**
 * Keeps a session's access token fresh behind the scenes: refreshed with the refresh token shortly before it expires,
 * or when an API refuses it, once per session however many requests notice at the same time. A refused refresh ends
 * the session.
 */
@ApplicationScoped
public class SessionTokens {

    private final IdentityAuth identity;
    private final SessionStore store;
    private final Clock clock;
    private final Duration refreshAhead;

    public SessionTokens(IdentityAuth identity, SessionStore store, Clock clock, ConsoleConfig config) {
        this.identity = identity;
        this.store = store;
        this.clock = clock;
        this.refreshAhead = config.sessions().refreshAhead();
    }

    /** Tokens good for at least {@code refresh-ahead}. */
    public Uni<Tokens> current(Session session) {
        Tokens tokens = session.tokens();
        if (tokens.expiresBefore(clock.instant().plus(refreshAhead))) {
            return refresh(session, tokens);
        }
        return Uni.createFrom().item(tokens);
    }

    /** New tokens in place of {@code stale}, which an API refused or which are about to expire. */
    public Uni<Tokens> refresh(Session session, Tokens stale) {
        return session.refreshOnce(stale, old -> identity.refresh(old.refreshToken()))
                .onFailure(SessionEndedException.class).invoke(() -> store.close(session));
    }
}
