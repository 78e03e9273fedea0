package dev.mercato.billing.readmodel;

import java.util.Map;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Runs a native statement in the consumer's transaction, so a projection commits with its inbox entry. */
final class NativeStatements {

    private NativeStatements() {
    }

    /** Emits the number of rows changed. */
    static Uni<Integer> execute(String sql, Map<String, Object> parameters) {
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql);
            parameters.forEach(query::setParameter);
            return query.executeUpdate();
        });
    }
}
