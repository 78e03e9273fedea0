package dev.mercato.pricing;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * An exchange rate as of some date, turning amounts in {@code from} into {@code to}: one unit of
 * {@code from} is {@code rate} units of {@code to}, or, when {@code inverse} (only the reverse pair has a
 * rate), one unit of {@code to} is {@code rate} units of {@code from} and amounts are divided by it.
 * Conversion is exact to 34 significant digits; the line it belongs to rounds once.
 */
public record Conversion(String from, String to, BigDecimal rate, boolean inverse) {

    public Conversion {
        from = Currencies.normalize(from, "baseCurrency");
        to = Currencies.normalize(to, "counterCurrency");
        if (rate == null || rate.signum() <= 0) {
            throw new PricingException("rate", "must be above 0");
        }
        if (rate.stripTrailingZeros().scale() > 12 || rate.compareTo(new BigDecimal("1000000000")) > 0) {
            throw new PricingException("rate", "must have at most 12 decimals and be at most 1000000000");
        }
    }

    public Conversion(String from, String to, BigDecimal rate) {
        this(from, to, rate, false);
    }

    public static Conversion of(String from, String to, String rate) {
        return new Conversion(from, to, new BigDecimal(rate));
    }

    /** Converts {@code from} into {@code to} with the rate stored for the reverse pair ({@code to} → {@code from}). */
    public static Conversion inverseOf(String from, String to, BigDecimal reverseRate) {
        return new Conversion(from, to, reverseRate, true);
    }

    /** {@code money} in {@code to}, exact to 34 significant digits (unrounded). */
    public Money convert(Money money) {
        if (!money.currency().equals(from)) {
            throw new IllegalArgumentException("a " + from + " rate cannot convert " + money.currency());
        }
        BigDecimal amount = inverse
                ? money.amount().divide(rate, MathContext.DECIMAL128)
                : money.amount().multiply(rate);
        return new Money(amount, to);
    }
}
