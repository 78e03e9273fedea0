package dev.mercato.catalog.discount;

import java.time.Instant;

/**
 * One recorded redemption, with the discount's count after it.
 *
 * @param redemptions    how often the discount has been redeemed, this one included
 * @param maxRedemptions its limit; null: none
 */
public record DiscountRedemptionResponse(
        String id,
        String discountId,
        String customerId,
        Long units,
        String reference,
        Instant redeemedAt,
        int redemptions,
        Integer maxRedemptions) {
}
