package dev.mercato.pricing;

import java.util.Currency;
import java.util.Locale;

/** ISO 4217 currency codes as the API writes them (lower case, {@code "eur"}) and their minor units. */
public final class Currencies {

    private Currencies() {
    }

    /** The lower-case ISO code for {@code code}, or a {@link PricingException} naming {@code field}. */
    public static String normalize(String code, String field) {
        if (code == null || !code.matches("[A-Za-z]{3}")) {
            throw new PricingException(field, "must be a 3-letter ISO 4217 currency code");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new PricingException(field, "is not an ISO 4217 currency code: " + code);
        }
        // XXX, XAU, XDR and the like are ISO codes without a minor unit: nothing is priced in them.
        if (currency.getDefaultFractionDigits() < 0) {
            throw new PricingException(field, "is not a currency prices can be given in: " + code);
        }
        return code.toLowerCase(Locale.ROOT);
    }

    /** Digits after the decimal point of the currency's minor unit: 2 for eur, 0 for jpy, 3 for kwd. */
    public static int minorUnits(String code) {
        int digits = Currency.getInstance(code.toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }
}
