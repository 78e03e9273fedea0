package dev.mercato.catalog.discount;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Stored redemptions. */
@ApplicationScoped
public class DiscountRedemptionRepository implements PanacheRepositoryBase<DiscountRedemption, String> {

    public Uni<Boolean> redeemedBy(String discountId, String customerId) {
        return count("discountId = ?1 and customerId = ?2", discountId, customerId).map(count -> count > 0);
    }
}
