package dev.mercato.identity.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.mercato.platform.scheduling.PeriodicRounds;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Counts failed password logins per email in the database (so every replica sees the same count) and
 * refuses further attempts once {@code max-failures} have failed within {@code failure-window}, until
 * that window ends. It counts per address typed, whether or not a user has it, so the answer says
 * nothing about which emails exist. A successful login clears the count.
 */
@ApplicationScoped
public class LoginThrottle {

    private final Pool pool;
    private final PeriodicRounds rounds;
    private final int maxFailures;
    private final Duration window;

    public LoginThrottle(Pool pool, PeriodicRounds rounds, LoginConfig config) {
        this.pool = pool;
        this.rounds = rounds;
        this.maxFailures = config.maxFailures();
        this.window = config.failureWindow();
    }

    /**
     * Counts an attempt for {@code email} before its password is checked — so parallel guesses cannot
     * slip past the limit — and fails with {@link LoginThrottledException} once the window holds more
     * than {@code max-failures}. A window that has ended starts again.
     */
    public Uni<Void> attempt(String email) {
        return pool.preparedQuery("""
                insert into login_throttle (email_hash, failures, window_started_at) values ($1, 1, now())
                on conflict (email_hash) do update set
                    failures = case when login_throttle.window_started_at <= now() - make_interval(secs => $2)
                                    then 1 else login_throttle.failures + 1 end,
                    window_started_at = case when login_throttle.window_started_at <= now() - make_interval(secs => $2)
                                    then now() else login_throttle.window_started_at end
                returning failures,
                    ceil(extract(epoch from window_started_at + make_interval(secs => $2) - now()))::bigint as remaining""")
                .execute(Tuple.of(keyOf(email), (double) window.toSeconds()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    if (row.getInteger("failures") > maxFailures) {
                        throw new LoginThrottledException(Math.max(1, row.getLong("remaining")));
                    }
                    return null;
                });
    }

    /** A successful login: its attempts no longer count. */
    public Uni<Void> clear(String email) {
        return pool.preparedQuery("delete from login_throttle where email_hash = $1")
                .execute(Tuple.of(keyOf(email)))
                .replaceWithVoid();
    }

    /** The stored key: SHA-256 of the lower-cased address, so typed addresses are not kept in clear. */
    static String keyOf(String email) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    void scheduleCleanup(@Observes StartupEvent event) {
        rounds.tick(Duration.ofMinutes(10), () -> pool
                .preparedQuery("delete from login_throttle where window_started_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) window.toSeconds()))
                .subscribe().with(ignored -> { }, failure -> { }));
    }
}
