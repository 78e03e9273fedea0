package dev.mercato.catalog.discount;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/discounts/{id}/redemptions}.
 *
 * @param customerId the customer organization the discount is redeemed for
 * @param units      the units of the line it is redeemed on; must lie within the discount's unit limits
 * @param reference  the caller's reference, such as the order id
 * @param code       the discount's code: what a caller that may not read the discount proves it was given with
 */
public record RedeemDiscountRequest(
        @NotNull @Size(max = 40) @Pattern(regexp = DiscountRules.ID, message = DiscountRules.ID_MESSAGE) String customerId,
        @Min(1) Long units,
        @Size(min = 1, max = 100) String reference,
        @Size(max = 103) String code) {
}
