package dev.mercato.pricing;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A reduction of one line: a percentage of it (at most two decimals, above 0 and at most 100) or a
 * fixed amount off (above 0) in the line's currency, never more than the line itself. {@link Shares}
 * says how much of what a discount takes off partners bear.
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
            if (value.signum() == 0) {
                throw new PricingException("value", "an amount off must be above 0");
            }
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

    /**
     * The percentages of a discount's amount that the partner and the base partner bear (each 0 to 100
     * with at most two decimals, absent meaning 0, together at most 100); the marketplace bears the rest.
     */
    public record Shares(BigDecimal partnerSharePercentage, BigDecimal basePartnerSharePercentage) {

        public Shares {
            requireShare("partnerSharePercentage", partnerSharePercentage);
            requireShare("basePartnerSharePercentage", basePartnerSharePercentage);
            BigDecimal sum = orZero(partnerSharePercentage).add(orZero(basePartnerSharePercentage));
            if (sum.compareTo(HUNDRED) > 0) {
                throw new PricingException("partnerSharePercentage",
                        "together with basePartnerSharePercentage must be at most 100, not " + sum.toPlainString());
            }
        }

        /** The exact part of {@code discountAmount} the partner bears. */
        public Money partnerAmount(Money discountAmount) {
            return share(discountAmount, partnerSharePercentage);
        }

        /** The exact part of {@code discountAmount} the base partner bears. */
        public Money basePartnerAmount(Money discountAmount) {
            return share(discountAmount, basePartnerSharePercentage);
        }

        private static Money share(Money amount, BigDecimal percentage) {
            return new Money(amount.amount().multiply(orZero(percentage)).divide(HUNDRED, MathContext.DECIMAL128),
                    amount.currency());
        }

        private static void requireShare(String field, BigDecimal percentage) {
            if (percentage == null) {
                return;
            }
            if (percentage.signum() < 0 || percentage.compareTo(HUNDRED) > 0) {
                throw new PricingException(field, "must be between 0 and 100");
            }
            if (percentage.stripTrailingZeros().scale() > 2) {
                throw new PricingException(field, "has at most 2 decimals");
            }
        }

        private static BigDecimal orZero(BigDecimal value) {
            return value == null ? BigDecimal.ZERO : value;
        }
    }
}
