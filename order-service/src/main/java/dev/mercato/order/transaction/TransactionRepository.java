package dev.mercato.order.transaction;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.persistence.Listings.Visibility;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Placed transactions. */
@ApplicationScoped
public class TransactionRepository implements PanacheRepositoryBase<OrderTransaction, String> {

    /** The transaction {@code id} if it lies within {@code visibility}; null when it does not exist or is hidden. */
    public Uni<OrderTransaction> findVisible(String id, Visibility visibility) {
        return Listings.findVisible(this, "id = :id", Map.of("id", id), visibility);
    }
}
