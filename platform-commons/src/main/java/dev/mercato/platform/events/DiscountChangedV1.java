package dev.mercato.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A discount after a change — created, edited or redeemed once more — as catalog-service publishes it
 * on {@link Topics#CATALOG_DISCOUNTS}, keyed by its id (type {@value #CHANGED}). Billing reads the
 * partner shares, billing cycles and unit limits from it; {@code version} grows with every change,
 * so an older snapshot arriving late is recognised and ignored.
 *
 * @param ownerId               the vendor (or the platform) whose discount it is
 * @param type                  PERCENTAGE ({@code percentage}) or FIXED_PRICE ({@code price} in {@code currency})
 * @param expirationDate        the first day it no longer applies; null: never expires
 * @param billingCycles         how many billing cycles it applies for; null: every cycle
 * @param redemptionRestriction NONE or ONCE_PER_CUSTOMER
 * @param planIds               plans it applies to; with {@code articleSkus} and {@code listingIds} all empty,
 *                              it applies to everything its owner sells
 */
@RegisterForReflection // Kafka payload
public record DiscountChangedV1(
        String id,
        String ownerId,
        String type,
        BigDecimal percentage,
        BigDecimal price,
        String currency,
        String code,
        String description,
        LocalDate startDate,
        LocalDate expirationDate,
        Long minUnits,
        Long maxUnits,
        Integer maxRedemptions,
        int redemptions,
        Integer billingCycles,
        boolean autoApply,
        boolean retainable,
        BigDecimal partnerSharePercentage,
        BigDecimal basePartnerSharePercentage,
        String redemptionRestriction,
        List<String> planIds,
        List<String> articleSkus,
        List<String> listingIds,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static final String CHANGED = "mercato.catalog.discount.changed.v1";
}
