package dev.mercato.order;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import dev.mercato.platform.persistence.Listings.Visibility;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** What every order-side capability does with its rows: find one the caller may see, act on several in turn. */
public final class Rows {

    private Rows() {
    }

    /**
     * The row matching {@code condition} (HQL with named parameters) within {@code visibility}; null when there
     * is none or the caller may not see it. Needs an open session.
     */
    public static <E> Uni<E> visible(PanacheRepositoryBase<E, ?> repository, String condition,
            Map<String, Object> parameters, Visibility visibility) {
        Map<String, Object> all = new HashMap<>(visibility.parameters());
        all.putAll(parameters);
        String where = visibility.condition().isEmpty() ? condition
                : "(" + condition + ") and (" + visibility.condition() + ")";
        return repository.find(where, all).firstResult();
    }

    /** Runs {@code action} on each item, one after the other: one reactive session never runs two at once. */
    public static <T> Uni<Void> each(Collection<T> items, Function<T, Uni<?>> action) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.chain(() -> action.apply(item)).replaceWithVoid();
        }
        return chain;
    }
}
