package dev.mercato.catalog.listing;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PATCH /api/v1/listings/{id}/dimensions/{key}}: title, description, unit price and
 * token rate may change; key, unit, decimals, aggregation and unique property never do, since usage
 * already reported is counted in them.
 */
public record UpdateDimensionRequest(
        @Size(min = 1, max = 100) String title,
        @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 8) BigDecimal pricePerUnit,
        @Size(max = 500) String description,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000000000") @Digits(integer = 10, fraction = 8) BigDecimal tokenRate) {
}
