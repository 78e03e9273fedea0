package dev.mercato.pricing;

import java.math.BigDecimal;

/** An exchange rate as of some date: one unit of {@code from} is {@code rate} units of {@code to}. */
public record Conversion(String from, String to, BigDecimal rate) {

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

    public static Conversion of(String from, String to, String rate) {
        return new Conversion(from, to, new BigDecimal(rate));
    }

    /** {@code money} in {@code to}, exact (unrounded). */
    public Money convert(Money money) {
        if (!money.currency().equals(from)) {
            throw new IllegalArgumentException("a " + from + " rate cannot convert " + money.currency());
        }
        return new Money(money.amount().multiply(rate), to);
    }
}
