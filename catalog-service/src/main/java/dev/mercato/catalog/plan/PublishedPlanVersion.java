package dev.mercato.catalog.plan;

import java.util.List;

import dev.mercato.pricing.PriceDefinition;

/**
 * A published plan version as the pricing engine computes with it: what a quote or a charge needs.
 *
 * @param currency lower-case ISO 4217 code of every price
 */
public record PublishedPlanVersion(String planId, int version, String ownerId, String currency,
        PricingPeriod pricingPeriod, List<Price> prices) {

    /** One price of the version; {@code listingId} and {@code dimensionKey} are set for USAGE prices. */
    public record Price(String id, CostTypeCategory costTypeCategory, String unit, String listingId,
            String dimensionKey, PriceDefinition definition) {
    }
}
