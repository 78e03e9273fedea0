package dev.mercato.order;

import java.util.Collection;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/** What order-side capabilities do with several rows: act on them in turn. */
public final class Rows {

    private Rows() {
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
