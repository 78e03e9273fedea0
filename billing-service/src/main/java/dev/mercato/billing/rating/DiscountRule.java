package dev.mercato.billing.rating;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.mercato.pricing.Discount;

/**
 * An automatic discount as rating applies it: to lines of the plans, SKUs or listings it names (or, naming
 * none, to everything its owner's plans sell), from {@code startDate} until before {@code expirationDate},
 * for the first {@code billingCycles} billing periods of a subscription (null: every one), on lines whose
 * quantity lies within {@code minUnits}–{@code maxUnits}.
 */
public record DiscountRule(String id, String ownerId, String type, BigDecimal percentage, BigDecimal price,
        String currency, LocalDate startDate, LocalDate expirationDate, Long minUnits, Long maxUnits,
        Integer billingCycles, List<String> planIds, List<String> skus, List<String> listingIds) {

    boolean targets(String planId, String planOwner, String sku, String listingId) {
        if (planIds.isEmpty() && skus.isEmpty() && listingIds.isEmpty()) {
            return planOwner != null && planOwner.equals(ownerId);
        }
        return (planId != null && planIds.contains(planId)) || (sku != null && skus.contains(sku))
                || (listingId != null && listingIds.contains(listingId));
    }

    boolean appliesOn(LocalDate day, int cycle, BigDecimal quantity) {
        if (startDate != null && day.isBefore(startDate)) {
            return false;
        }
        if (expirationDate != null && !day.isBefore(expirationDate)) {
            return false;
        }
        if (billingCycles != null && cycle > billingCycles) {
            return false;
        }
        if (minUnits != null && quantity.compareTo(BigDecimal.valueOf(minUnits)) < 0) {
            return false;
        }
        return maxUnits == null || quantity.compareTo(BigDecimal.valueOf(maxUnits)) <= 0;
    }

    /** The pricing engine's discount for a line in {@code lineCurrency}; null when a fixed amount is in another currency. */
    Discount toDiscount(String lineCurrency) {
        if ("PERCENTAGE".equals(type)) {
            return new Discount(Discount.DiscountType.PERCENTAGE, percentage, null);
        }
        if (currency == null || !currency.equalsIgnoreCase(lineCurrency)) {
            return null;
        }
        return new Discount(Discount.DiscountType.FIXED_PRICE, price, currency);
    }
}
