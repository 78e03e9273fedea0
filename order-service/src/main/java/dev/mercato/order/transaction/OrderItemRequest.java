package dev.mercato.order.transaction;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One line of an order: the SKU, how many, and the total price the caller expects (SKU price × quantity),
 * sent for confirmation only; a change to an existing subscription names it by serial number.
 */
public record OrderItemRequest(
        @NotNull @Size(min = 1, max = 35) String sku,
        @NotNull @Min(1) @Max(1000) Integer quantity,
        @NotNull @DecimalMin("0") BigDecimal price,
        @Size(min = 1, max = 35) String serialNumber) {
}
