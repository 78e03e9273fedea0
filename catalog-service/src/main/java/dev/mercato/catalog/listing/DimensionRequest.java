package dev.mercato.catalog.listing;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new metered dimension of a listing. {@code aggregation} (default SUM) and {@code uniqueProperty}
 * (required for UNIQUE_COUNT, refused otherwise) never change once created; {@code tokenRate} (prepaid
 * tokens one unit draws) may.
 */
public record DimensionRequest(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_.-]{0,63}",
                message = "must be 1-64 lower-case letters, digits, '_', '.' or '-', starting with a letter") String key,
        @NotBlank @Size(max = 100) String title,
        @NotBlank @Size(max = 32) String unit,
        @NotNull @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 8) BigDecimal pricePerUnit,
        @Min(0) @Max(6) Integer decimals,
        @Size(max = 500) String description,
        DimensionAggregation aggregation,
        @Pattern(regexp = ListingDimension.PROPERTY_NAME, message = ListingDimension.PROPERTY_NAME_RULE) String uniqueProperty,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000") @Digits(integer = 10, fraction = 8) BigDecimal tokenRate) {
}
