package dev.mercato.catalog.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.mercato.pricing.PricingStrategy;

/**
 * An effective price in {@code /pricing}: one price definition of a plan's newest published version,
 * with its thresholds (the ranges) and the unit price of its first range ({@code startingPrice}).
 */
public record PriceResponse(
        String id,
        String planId,
        int planVersion,
        String ownerId,
        String currency,
        PricingPeriod pricingPeriod,
        CostTypeCategory costTypeCategory,
        PricingStrategy pricingStrategy,
        String unit,
        BigDecimal startingPrice,
        List<PlanVersionResponse.PriceRangeResponse> priceRanges,
        BigDecimal packageSize,
        boolean unitAllowsDecimals,
        BigDecimal increment,
        String listingId,
        String dimensionKey,
        Instant createdAt) {
}
