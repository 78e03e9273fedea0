package dev.mercato.catalog.discount;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A discount as the API shows it. {@code version} is what a {@code PATCH} may send back. */
public record DiscountResponse(
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
}
