package dev.mercato.order.account;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.persistence.Listings.Visibility;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The accounts read model. */
@ApplicationScoped
public class AccountRepository implements PanacheRepositoryBase<Account, String> {

    /** The account {@code id} if it lies within {@code visibility}; null when it does not exist or is hidden. */
    public Uni<Account> findVisible(String id, Visibility visibility) {
        return Listings.findVisible(this, "id = :id", Map.of("id", id), visibility);
    }
}
