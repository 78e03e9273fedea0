package dev.mercato.order.entitlement;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.persistence.Listings.Visibility;
import dev.mercato.platform.persistence.UniqueLookups;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Entitlements. */
@ApplicationScoped
public class EntitlementRepository implements PanacheRepositoryBase<Entitlement, String> {

    public Uni<Entitlement> findByCustomerAndProduct(String customerId, String productKey) {
        return UniqueLookups.oneOrNull(find("customer.id = ?1 and productKey = ?2", customerId, productKey));
    }

    public Uni<Entitlement> findVisible(String id, Visibility visibility) {
        return Listings.findVisible(this, "id = :id", Map.of("id", id), visibility);
    }
}
