package dev.mercato.pricing;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A reduction of one line: a percentage of it (at most two decimals, above 0 and at most 100) or a
 * fixed amount off in the line's currency, never more than the line itself.
 */
public record Discount(DiscountType type, BigDecimal value, String currency) {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public enum DiscountType {
        PERCENTAGE,
        FIXED_PRICE
    }

    public Discount {
        if (type == null) {
            throw new PricingException("type", "is required");
        }
        if (value == null) {
            throw new PricingException("value", "is required");
        }
        if (type == DiscountType.PERCENTAGE) {
            if (value.signum() <= 0 || value.compareTo(HUNDRED) > 0) {
                throw new PricingException("value", "a percentage must be above 0 and at most 100");
            }
            if (value.stripTrailingZeros().scale() > 2) {
                throw new PricingException("value", "a percentage has at most 2 decimals");
            }
            if (currency != null) {
                throw new PricingException("currency", "a percentage has no currency");
            }
        } else {
            PriceDefinition.validatePrice("value", value);
            currency = Currencies.normalize(currency, "currency");
        }
    }

    public static Discount percentage(String percent) {
        return new Discount(DiscountType.PERCENTAGE, new BigDecimal(percent), null);
    }

    public static Discount amountOff(String amount, String currency) {
        return new Discount(DiscountType.FIXED_PRICE, new BigDecimal(amount), currency);
    }

    /** The exact amount taken off {@code line}: never negative, never more than the line. */
    public Money amountOff(Money line) {
        if (type == DiscountType.PERCENTAGE) {
            return new Money(line.amount().multiply(value).divide(HUNDRED, MathContext.DECIMAL128), line.currency());
        }
        if (!currency.equals(line.currency())) {
            throw new PricingException("currency", "a fixed discount in " + currency + " cannot apply to a line in "
                    + line.currency());
        }
        return new Money(value.min(line.amount().max(BigDecimal.ZERO)), line.currency());
    }
}
