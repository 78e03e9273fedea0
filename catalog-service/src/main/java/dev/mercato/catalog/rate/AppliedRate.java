package dev.mercato.catalog.rate;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.mercato.pricing.Conversion;
import dev.mercato.pricing.Money;

/**
 * The exchange rate that converts {@code from} into {@code to} on some day, and which stored rate it is.
 * {@code inverse} when only the reverse pair has a rate: then amounts are divided by {@code rate}.
 * Between one currency and itself the rate is 1 and no stored rate is involved ({@code rateId} null).
 *
 * @param rate the stored rate: units of its counter currency per unit of its base currency
 */
public record AppliedRate(String from, String to, String rateId, String baseCurrency, String counterCurrency,
        BigDecimal rate, LocalDate validFrom, boolean inverse) {

    static AppliedRate identity(String currency) {
        return new AppliedRate(currency, currency, null, currency, currency, BigDecimal.ONE, null, false);
    }

    /** The pricing module's conversion for this rate; null between a currency and itself. */
    public Conversion conversion() {
        if (from.equals(to)) {
            return null;
        }
        return inverse ? Conversion.inverseOf(from, to, rate) : new Conversion(from, to, rate);
    }

    /** {@code money} (in {@code from}) in {@code to}, rounded once, half-even, to {@code to}'s minor unit. */
    public Money convert(Money money) {
        if (!money.currency().equals(from)) {
            throw new IllegalArgumentException("a rate from " + from + " cannot convert " + money.currency());
        }
        Conversion conversion = conversion();
        return conversion == null ? money.rounded() : conversion.convert(money).rounded();
    }
}
