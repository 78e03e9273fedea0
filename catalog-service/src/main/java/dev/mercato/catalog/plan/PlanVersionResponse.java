package dev.mercato.catalog.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.mercato.pricing.PricingStrategy;

/** One version of a plan with all its prices. */
public record PlanVersionResponse(
        String planId,
        int version,
        PlanVersionStatus status,
        String currency,
        PricingPeriod pricingPeriod,
        FreeTrialTermsResponse freeTrialTerms,
        List<PriceDefinitionResponse> priceDefinitions,
        Instant createdAt,
        Instant publishedAt) {

    /** A free trial of the version. */
    public record FreeTrialTermsResponse(int freeTrialDuration, FreeTrialPeriod freeTrialDurationPeriod,
            Integer freeTrialGracePeriod) {
    }

    /** One price of the version. */
    public record PriceDefinitionResponse(String id, CostTypeCategory costTypeCategory,
            PricingStrategy pricingStrategy, String unit, List<PriceRangeResponse> priceRanges,
            BigDecimal packageSize, boolean unitAllowsDecimals, BigDecimal increment, String listingId,
            String dimensionKey) {
    }

    /** A range of a price: above {@code min}, up to and including {@code max} (null: open-ended). */
    public record PriceRangeResponse(BigDecimal min, BigDecimal max, BigDecimal salePrice, BigDecimal wholeSalePrice,
            BigDecimal flatAmount) {
    }
}
