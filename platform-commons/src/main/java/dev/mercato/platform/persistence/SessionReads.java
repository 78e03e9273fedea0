package dev.mercato.platform.persistence;

import java.util.ArrayList;
import java.util.List;

import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;

import io.smallrye.mutiny.Uni;

/**
 * Native reads on a session's own connection, so inside its transaction, without Hibernate's query machinery.
 * <p>
 * Use it for a native select that runs often. Hibernate keeps a new query plan for every execution of a native
 * select (the plans' cache keys never match one another), so a hot one fills the plan cache with copies of itself:
 * each execution then scans those copies, and they push the HQL plans out. Updates and selects with a list-valued
 * parameter are not affected. An update should use {@code executeUpdate}.
 * <p>
 * Parameters are positional ({@code $1}, {@code $2}, …) and take what the reactive PostgreSQL client takes
 * ({@code String}, {@code Long}, {@code LocalDate}, {@code OffsetDateTime}, …); values come back as it decodes them
 * ({@code date} as {@code LocalDate}, {@code numeric} as {@code BigDecimal}, {@code int8} as {@code Long}). The
 * session is not flushed first: flush it when the read must see the session's pending changes.
 */
public final class SessionReads {

    private SessionReads() {
    }

    /** Every row {@code sql} selects, each as its column values. */
    public static Uni<List<Object[]>> rows(Mutiny.Session session, String sql, Object... parameters) {
        var connection = ((MutinySessionImpl) session).getReactiveConnection();
        return Uni.createFrom().completionStage(() -> connection.select(sql, parameters)).map(result -> {
            List<Object[]> rows = new ArrayList<>(result.size());
            result.forEachRemaining(rows::add);
            return rows;
        });
    }

    /** The one row {@code sql} selects (an aggregate, a sequence's next value); fails when there is not exactly one. */
    public static Uni<Object[]> row(Mutiny.Session session, String sql, Object... parameters) {
        return rows(session, sql, parameters).map(rows -> {
            if (rows.size() != 1) {
                throw new IllegalStateException("expected one row, got " + rows.size() + ": " + sql);
            }
            return rows.get(0);
        });
    }
}
