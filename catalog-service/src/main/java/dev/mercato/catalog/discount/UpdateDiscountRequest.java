package dev.mercato.catalog.discount;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.mercato.pricing.Discount.DiscountType;

/**
 * The body of {@code PATCH /api/v1/discounts/{id}}: only the fields given change (a list given replaces
 * the list). {@code version}, when given, must be the version last read, else 409.
 */
public record UpdateDiscountRequest(
        @Min(0) Long version,
        DiscountType type,
        BigDecimal percentage,
        BigDecimal price,
        @Size(max = 3) String currency,
        @Size(min = 4, max = 103) @Pattern(regexp = DiscountRules.CODE, message = DiscountRules.CODE_MESSAGE) String code,
        @Size(min = 4, max = 255) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String description,
        LocalDate startDate,
        LocalDate expirationDate,
        @Min(1) Long minUnits,
        @Min(1) Long maxUnits,
        @Min(1) Integer maxRedemptions,
        @Min(1) Integer billingCycles,
        Boolean autoApply,
        Boolean retainable,
        BigDecimal partnerSharePercentage,
        BigDecimal basePartnerSharePercentage,
        RedemptionRestriction redemptionRestriction,
        @Size(max = 100) List<@NotNull @Size(max = 40) @Pattern(regexp = DiscountRules.ID,
                message = DiscountRules.ID_MESSAGE) String> planIds,
        @Size(max = 100) List<@NotNull @Pattern(regexp = DiscountRules.SKU,
                message = DiscountRules.SKU_MESSAGE) String> articleSkus,
        @Size(max = 100) List<@NotNull @Size(max = 40) @Pattern(regexp = DiscountRules.ID,
                message = DiscountRules.ID_MESSAGE) String> listingIds) {
}
