package dev.mercato.identity.user;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

import dev.mercato.platform.api.ApiException;
import io.vertx.pgclient.PgException;

/**
 * Recognises a write that lost to a concurrent one — PostgreSQL's unique violation (SQLSTATE 23505)
 * or a stale {@code @Version} — however Hibernate Reactive wraps it, so that it is answered with 409
 * instead of 500.
 */
public final class WriteConflicts {

    private WriteConflicts() {
    }

    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    public static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof StaleStateException || cause instanceof OptimisticLockException) {
                return true;
            }
        }
        return isUniqueViolation(failure);
    }

    /** 409 for a change that raced another change of the same thing. */
    public static ApiException concurrentChange(String what) {
        return ApiException.conflict("The " + what + " changed at the same time; try again");
    }
}
