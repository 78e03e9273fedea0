package dev.mercato.platform.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;

/**
 * Lookups by a unique key (an id, a number, a unique pair of columns) through Panache. {@code firstResult()} renders
 * {@code offset ? rows fetch first ? rows only}, and PostgreSQL plans a statement whose limit is a parameter anew on
 * every execution: a custom plan, costed with the limit's value, always looks cheaper than the generic one. That was
 * 0.15–0.3 ms of the server's CPU per lookup, many times the lookup itself (docs/BENCHMARKS.md). Without the limit the
 * statement is planned once per connection; a unique key matches one row at most, so nothing more is read.
 */
public final class UniqueLookups {

    private UniqueLookups() {
    }

    /** The row {@code query} matches, or null; {@code query} must select by a unique key. */
    public static <E> Uni<E> oneOrNull(PanacheQuery<E> query) {
        return query.<E>list().map(rows -> rows.isEmpty() ? null : rows.get(0));
    }
}
