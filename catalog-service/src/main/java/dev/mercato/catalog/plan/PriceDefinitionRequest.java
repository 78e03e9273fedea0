package dev.mercato.catalog.plan;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.mercato.pricing.PricingStrategy;

/**
 * One price of a plan version in a request. The ranges, package size and increment are checked by the
 * pricing engine; the rest by {@link PlanPrices}.
 */
public record PriceDefinitionRequest(
        @NotNull CostTypeCategory costTypeCategory,
        @NotNull PricingStrategy pricingStrategy,
        @Size(min = 1, max = 50) String unit,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull PriceRangeRequest> priceRanges,
        BigDecimal packageSize,
        Boolean unitAllowsDecimals,
        BigDecimal increment,
        @Size(max = 40) String listingId,
        @Size(max = 64) String dimensionKey) {

    /** A price range: above {@code min}, up to and including {@code max} (absent: open-ended). */
    public record PriceRangeRequest(
            @NotNull BigDecimal min,
            BigDecimal max,
            @NotNull BigDecimal salePrice,
            BigDecimal wholeSalePrice,
            BigDecimal flatAmount) {
    }
}
