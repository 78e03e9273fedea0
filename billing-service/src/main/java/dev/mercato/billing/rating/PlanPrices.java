package dev.mercato.billing.rating;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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

    /**
     * The plan version a subscription bought: of the plan of its listing (the lowest plan id when several), the
     * newest version published by the time the subscription was created, or the first published one when none
     * was yet. Null without a listing or a plan for it.
     */
    public static PlanPrices boughtBy(SubscriptionTerms subscription, Map<String, List<PlanPrices>> plansByListing) {
        List<PlanPrices> versions = subscription.listingId() == null ? null : plansByListing.get(subscription.listingId());
        if (versions == null || versions.isEmpty()) {
            return null;
        }
        String planId = versions.getFirst().planId();
        PlanPrices chosen = versions.getFirst();
        for (PlanPrices version : versions) {
            if (version.planId().equals(planId) && version.publishedAt() != null
                    && !version.publishedAt().isAfter(subscription.createdAt())) {
                chosen = version;
            }
        }
        return chosen;
    }
}
