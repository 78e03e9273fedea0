package dev.mercato.platform.persistence;

import java.util.Map;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Runs a native statement in the current (consumer's) transaction, so a read-model projection commits with its
 * inbox entry.
 */
public final class NativeStatements {

    private NativeStatements() {
    }

    /** Emits the number of rows changed. */
    public static Uni<Integer> execute(String sql, Map<String, Object> parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            parameters.forEach(query::setParameter);
            return query.executeUpdate();
        });
    }
}
