package dev.mercato.catalog.discount;

import java.time.Instant;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.persistence.Listings.Visibility;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Stored discounts. */
@ApplicationScoped
public class DiscountRepository implements PanacheRepositoryBase<CatalogDiscount, String> {

    public Uni<CatalogDiscount> findVisible(String id, Visibility visibility) {
        return Listings.findVisible(this, "id = :id", Map.of("id", id), visibility);
    }

    public Uni<Boolean> codeTaken(String ownerId, String code, String exceptId) {
        return count("ownerId = ?1 and lower(code) = lower(?2) and id <> ?3", ownerId, code, exceptId)
                .map(count -> count > 0);
    }

    /**
     * Counts one redemption in a single conditional UPDATE — 1 when the discount had one left, 0 when it
     * has none (or does not exist). Concurrent callers queue on the row lock and each re-checks the
     * limit against the committed count, so the limit is never passed and no lock is taken beforehand.
     */
    public Uni<Integer> redeemOnce(String id, Instant now) {
        return update("redemptions = redemptions + 1, version = version + 1, updatedAt = ?2"
                + " where id = ?1 and (maxRedemptions is null or redemptions < maxRedemptions)", id, now);
    }
}
