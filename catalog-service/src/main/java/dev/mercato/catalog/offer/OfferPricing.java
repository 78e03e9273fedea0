package dev.mercato.catalog.offer;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * An offer's terms: {@code discountPercentage} off the listing's prices (more than 0, at most 100, at most
 * two decimals) for {@code duration} months (1–60).
 */
public record OfferPricing(
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100")
        @Digits(integer = 3, fraction = 2, message = "must have at most two decimals") BigDecimal discountPercentage,
        @NotNull @Min(1) @Max(60) Integer duration) {
}
