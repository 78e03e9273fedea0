package dev.mercato.billing.rating;

import java.time.Instant;
import java.util.List;

import dev.mercato.platform.events.PlanChangedV1.PriceDefinitionV1;

/**
 * A published plan version as rating uses it: its prices, all in {@code currency}, recurring ones per
 * {@code pricingPeriod}.
 */
public record PlanPrices(String planId, String ownerId, String listingId, int version, String currency,
        String pricingPeriod, Instant publishedAt, List<PriceDefinitionV1> definitions) {

    /** Months one recurring price pays for. */
    public int periodMonths() {
        if (pricingPeriod == null) {
            return 1;
        }
        return switch (pricingPeriod) {
            case "QUARTERLY" -> 3;
            case "SIX_MONTHS" -> 6;
            case "YEARLY" -> 12;
            case "TWO_YEARS" -> 24;
            case "THREE_YEARS" -> 36;
            default -> 1;
        };
    }
}
