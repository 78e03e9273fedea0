package dev.mercato.console.session;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.smallrye.mutiny.Uni;

/**
 * One signed-in browser: its tokens, its CSRF token and the values waiting to be shown once (a new secret, a notice).
 * Lives in {@link SessionStore}; the browser holds only a random cookie that finds it.
 */
public final class Session {

    private final String csrfToken;
    private final Instant createdAt;
    private final Map<String, Flash> flashes = new ConcurrentHashMap<>();
    private volatile Instant lastSeenAt;
    private volatile Tokens tokens;
    private Uni<Tokens> refreshing;

    Session(String csrfToken, Tokens tokens, Instant now) {
        this.csrfToken = csrfToken;
        this.tokens = tokens;
        this.createdAt = now;
        this.lastSeenAt = now;
    }

    public String csrfToken() {
        return csrfToken;
    }

    public Tokens tokens() {
        return tokens;
    }

    public TokenClaims claims() {
        return tokens.claims();
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastSeenAt() {
        return lastSeenAt;
    }

    void seenAt(Instant now) {
        lastSeenAt = now;
    }

    /**
     * The one refresh of {@code stale} this session runs: a refresh token works once, so requests that find the same
     * stale tokens share one refresh instead of each spending it. Answers the newer tokens at once when another
     * request already replaced {@code stale}.
     */
    synchronized Uni<Tokens> refreshOnce(Tokens stale, java.util.function.Function<Tokens, Uni<Tokens>> refresh) {
        if (tokens != stale) {
            return Uni.createFrom().item(tokens);
        }
        if (refreshing == null) {
            refreshing = refresh.apply(stale)
                    .invoke(this::replaceTokens)
                    .onTermination().invoke(this::refreshDone)
                    .memoize().indefinitely();
        }
        return refreshing;
    }

    private synchronized void replaceTokens(Tokens fresh) {
        tokens = fresh;
    }

    private synchronized void refreshDone() {
        refreshing = null;
    }

    /** Keeps {@code value} until it is taken once or {@code expiresAt} passes. */
    public void flash(String key, Object value, Instant expiresAt) {
        flashes.put(key, new Flash(value, expiresAt));
    }

    /** The value kept under {@code key}, removed as it is read; null when there is none (any more). */
    public <T> T takeFlash(String key, Class<T> type, Instant now) {
        Flash flash = flashes.remove(key);
        if (flash == null || !flash.expiresAt().isAfter(now) || !type.isInstance(flash.value())) {
            return null;
        }
        return type.cast(flash.value());
    }

    void dropExpiredFlashes(Instant now) {
        flashes.values().removeIf(flash -> !flash.expiresAt().isAfter(now));
    }

    private record Flash(Object value, Instant expiresAt) {
    }
}
