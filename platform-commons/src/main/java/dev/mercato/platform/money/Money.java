package dev.mercato.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * An amount of money: an exact decimal and an ISO 4217 currency, written lower-case as in the
 * the API's price objects ({@code "eur"}). Never a floating-point number. {@link #rounded()} is the
 * one place where an amount is rounded: half-even, to the currency's minor unit.
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        currency = normalizeCurrency(currency);
    }

    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    /** The lower-case ISO code for {@code code}, or an {@link IllegalArgumentException} if it is not one. */
    public static String normalizeCurrency(String code) {
        if (code == null || !code.matches("[A-Za-z]{3}")) {
            throw new IllegalArgumentException("currency must be a 3-letter ISO 4217 code");
        }
        Currency.getInstance(code.toUpperCase(Locale.ROOT)); // throws for unknown codes
        return code.toLowerCase(Locale.ROOT);
    }

    public int minorUnits() {
        int digits = Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }

    public Money rounded() {
        return new Money(amount.setScale(minorUnits(), RoundingMode.HALF_EVEN), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " and " + other.currency);
        }
    }
}
