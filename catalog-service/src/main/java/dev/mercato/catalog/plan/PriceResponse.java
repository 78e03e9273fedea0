package dev.mercato.catalog.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.mercato.pricing.PricingStrategy;

/**
 * An effective price in {@code /pricing}, of one of two kinds. {@code PLAN}: one price definition of a
 * plan's newest published version ({@code planId}, {@code planVersion}, its period, category and metered
 * dimension). {@code SKU}: one currency's amount of an article's {@code PUR} or {@code SRP} price object
 * ({@code sku}, {@code priceList}; strategy {@code UNIT}, one open range, and the article's orderable
 * window {@code startDate}–{@code endDate}). Both carry the thresholds (the ranges) and the unit price of
 * the first range ({@code startingPrice}).
 */
public record PriceResponse(
        String id,
        EffectivePrice.Kind kind,
        String planId,
        Integer planVersion,
        String sku,
        String priceList,
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
        LocalDate startDate,
        LocalDate endDate,
        Instant createdAt) {
}
