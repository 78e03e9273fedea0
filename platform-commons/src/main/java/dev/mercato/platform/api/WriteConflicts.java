package dev.mercato.platform.api;

import java.sql.SQLException;
import java.util.Set;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import io.vertx.pgclient.PgException;

/**
 * Recognises, however Hibernate Reactive and Mutiny wrap it, a write that lost to a concurrent one —
 * a stale {@code @Version} or PostgreSQL's unique violation (SQLSTATE 23505) — and text PostgreSQL
 * cannot store (a NUL character, SQLSTATE 22021 / 22P05). {@link ApiExceptionMappers} answers the
 * first with 409 and the second with 400 when a service does not say something more specific.
 */
public final class WriteConflicts {

    private static final String UNIQUE_VIOLATION = "23505";
    /** serialization_failure and deadlock_detected: PostgreSQL gave up one of two racing transactions. */
    private static final Set<String> LOST_RACE = Set.of("40001", "40P01");
    /** character_not_in_repertoire (a NUL byte in text) and untranslatable_character (\u0000 in jsonb). */
    private static final Set<String> UNSTORABLE_TEXT = Set.of("22021", "22P05");

    private WriteConflicts() {
    }

    /** PostgreSQL refused a row because another one already has its unique key. */
    public static boolean isUniqueViolation(Throwable failure) {
        return UNIQUE_VIOLATION.equals(sqlState(failure));
    }

    /** The write raced another write of the same row: a stale version or a duplicate unique key. */
    public static boolean isConflict(Throwable failure) {
        return Causes.any(failure, cause -> cause instanceof StaleStateException || cause instanceof OptimisticLockException)
                || isUniqueViolation(failure);
    }

    /**
     * The transaction lost a race and would most likely succeed if run again: a {@linkplain #isConflict conflict},
     * a serialization failure or a deadlock.
     */
    public static boolean isLostRace(Throwable failure) {
        String state = sqlState(failure);
        return isConflict(failure) || (state != null && LOST_RACE.contains(state));
    }

    /** PostgreSQL refused a text value it cannot store (a NUL character). */
    public static boolean isUnstorableText(Throwable failure) {
        String state = sqlState(failure);
        return state != null && UNSTORABLE_TEXT.contains(state);
    }

    /** 409 for a change that raced another change of the same thing. */
    public static ApiException concurrentChange(String what) {
        return ApiException.conflict("The " + what + " changed at the same time; try again");
    }

    /** The SQLSTATE of the first PostgreSQL error in {@code failure}'s causes; null when there is none. */
    static String sqlState(Throwable failure) {
        return Causes.firstOf(failure, cause -> cause instanceof PgException pg ? pg.getSqlState()
                : cause instanceof SQLException sql ? sql.getSQLState() : null);
    }
}
