package dev.mercato.catalog.discount;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.mercato.platform.api.ApiException;
import dev.mercato.pricing.Discount;
import dev.mercato.pricing.Discount.DiscountType;
import dev.mercato.pricing.PricingException;

/**
 * The rules a whole discount obeys, checked on the state a create or a change would leave, each
 * refusal a 400 naming the API field. Single-field limits are Bean Validation on the requests.
 */
final class DiscountRules {

    /** Letters, digits, '-' and '_': a code is typed by people and carried in URLs and order lines. */
    static final String CODE = "[A-Za-z0-9_-]*";
    static final String CODE_MESSAGE = "may hold only letters A-Z, digits, '-' and '_'";
    /** The shape of Mercato ids (a prefix, '_', a ULID); their existence is checked elsewhere. */
    static final String ID = "[A-Za-z0-9_]+";
    static final String ID_MESSAGE = "must be an id: letters, digits and '_'";
    /** An article number: 1–35 visible ASCII characters. */
    static final String SKU = "[\\x21-\\x7e]{1,35}";
    static final String SKU_MESSAGE = "must be a SKU of 1 to 35 visible ASCII characters";

    private DiscountRules() {
    }

    /** Checks {@code discount}; {@code newExpiration} says the expiration was given now and must lie after {@code today}. */
    static void check(CatalogDiscount discount, boolean newExpiration, LocalDate today) {
        checkValue(discount.type, discount.percentage, discount.price, discount.currency);
        if (discount.code == null && !discount.autoApply) {
            throw ApiException.invalidField("code", "is required unless the discount is applied automatically (autoApply)");
        }
        if (newExpiration && discount.expirationDate != null && !discount.expirationDate.isAfter(today)) {
            throw ApiException.invalidField("expirationDate", "must be in the future (after " + today + ")");
        }
        if (discount.startDate != null && discount.expirationDate != null
                && !discount.expirationDate.isAfter(discount.startDate)) {
            throw ApiException.invalidField("expirationDate", "must be after startDate " + discount.startDate);
        }
        if (discount.minUnits != null && discount.maxUnits != null && discount.maxUnits < discount.minUnits) {
            throw ApiException.invalidField("maxUnits", "must be at least minUnits (" + discount.minUnits + ")");
        }
        if (discount.maxRedemptions != null && discount.maxRedemptions < discount.redemptions) {
            throw ApiException.invalidField("maxRedemptions", "must be at least the " + discount.redemptions
                    + " redemptions already made");
        }
        try {
            discount.shares();
        } catch (PricingException e) {
            throw ApiException.invalidField(e.field(), e.getMessage());
        }
    }

    /** The type's value: a percentage alone, or a price with its currency; the pricing engine's limits. */
    private static void checkValue(DiscountType type, BigDecimal percentage, BigDecimal price, String currency) {
        boolean isPercentage = type == DiscountType.PERCENTAGE;
        if (isPercentage && percentage == null) {
            throw ApiException.invalidField("percentage", "is required for a PERCENTAGE discount");
        }
        if (isPercentage && (price != null || currency != null)) {
            throw ApiException.invalidField(price != null ? "price" : "currency",
                    "belongs to a FIXED_PRICE discount, not a PERCENTAGE one");
        }
        if (!isPercentage && price == null) {
            throw ApiException.invalidField("price", "is required for a FIXED_PRICE discount");
        }
        if (!isPercentage && percentage != null) {
            throw ApiException.invalidField("percentage", "belongs to a PERCENTAGE discount, not a FIXED_PRICE one");
        }
        try {
            new Discount(type, isPercentage ? percentage : price, currency);
        } catch (PricingException e) {
            String field = !"value".equals(e.field()) ? e.field() : isPercentage ? "percentage" : "price";
            throw ApiException.invalidField(field, e.getMessage());
        }
    }
}
