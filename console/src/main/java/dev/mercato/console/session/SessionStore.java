package dev.mercato.console.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.mercato.console.ConsoleConfig;

/**
 * The open sessions, in this instance's memory. The cookie value is 256 random bits; the map is keyed by its SHA-256,
 * so the memory of this process holds no cookie that could be replayed. A session ends when idle for
 * {@code idle-timeout}, {@code max-lifetime} after sign-in, or at sign-out.
 */
@ApplicationScoped
public class SessionStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration maxLifetime;
    private final int maxSessions;

    @Inject
    public SessionStore(ConsoleConfig config, Clock clock) {
        this(clock, config.sessions().idleTimeout(), config.sessions().maxLifetime(), config.sessions().maxSessions());
    }

    SessionStore(Clock clock, Duration idleTimeout, Duration maxLifetime, int maxSessions) {
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.maxLifetime = maxLifetime;
        this.maxSessions = maxSessions;
    }

    /** A new session for freshly issued tokens; the answer's cookie value is the only way to find it again. */
    public Opened open(Tokens tokens) {
        if (sessions.size() >= maxSessions) {
            sweep();
            if (sessions.size() >= maxSessions) {
                throw new TooManySessionsException();
            }
        }
        String cookieValue = randomToken();
        Session session = new Session(randomToken(), tokens, clock.instant());
        sessions.put(keyOf(cookieValue), session);
        return new Opened(cookieValue, session);
    }

    /** The live session the cookie names, marked as used now; empty when there is none or it has ended. */
    public Optional<Session> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        String key = keyOf(cookieValue);
        Session session = sessions.get(key);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (ended(session, now)) {
            sessions.remove(key, session);
            return Optional.empty();
        }
        session.seenAt(now);
        return Optional.of(session);
    }

    /** Ends the session the cookie names, if any; answers it so its tokens can be revoked. */
    public Optional<Session> close(String cookieValue) {
        return cookieValue == null ? Optional.empty() : Optional.ofNullable(sessions.remove(keyOf(cookieValue)));
    }

    /** Ends {@code session} wherever it is kept (its refresh token no longer works). */
    public void close(Session session) {
        sessions.values().remove(session);
    }

    /** Drops ended sessions and expired one-time values. */
    public void sweep() {
        Instant now = clock.instant();
        sessions.values().removeIf(session -> ended(session, now));
        sessions.values().forEach(session -> session.dropExpiredFlashes(now));
    }

    public int size() {
        return sessions.size();
    }

    private boolean ended(Session session, Instant now) {
        return !session.lastSeenAt().plus(idleTimeout).isAfter(now) || !session.createdAt().plus(maxLifetime).isAfter(now);
    }

    /** 256 random bits, URL-safe base64 without padding. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String keyOf(String cookieValue) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(cookieValue.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A session just opened and the cookie value that names it. */
    public record Opened(String cookieValue, Session session) {

        @Override
        public String toString() {
            return "Opened[session]";
        }
    }
}
