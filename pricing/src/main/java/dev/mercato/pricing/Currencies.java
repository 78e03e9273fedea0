package dev.mercato.pricing;

import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * ISO 4217 currency codes as the API writes them (lower case, {@code "eur"}) and their minor units. Every amount of
 * money checks its currency, so a code found valid is remembered (there are fewer than 200 of them, in a few cases).
 */
public final class Currencies {

    private static final Pattern THREE_LETTERS = Pattern.compile("[A-Za-z]{3}");
    /** Codes as given that are currencies prices can be given in → the lower-case code. */
    private static final Map<String, String> NORMALIZED = new ConcurrentHashMap<>();
    /** Lower-case codes → digits of their minor unit. */
    private static final Map<String, Integer> MINOR_UNITS = new ConcurrentHashMap<>();

    private Currencies() {
    }

    /** The lower-case ISO code for {@code code}, or a {@link PricingException} naming {@code field}. */
    public static String normalize(String code, String field) {
        String known = code == null ? null : NORMALIZED.get(code);
        if (known != null) {
            return known;
        }
        if (code == null || !THREE_LETTERS.matcher(code).matches()) {
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
        String normalized = code.toLowerCase(Locale.ROOT);
        NORMALIZED.put(code, normalized);
        return normalized;
    }

    /** Digits after the decimal point of the currency's minor unit: 2 for eur, 0 for jpy, 3 for kwd. */
    public static int minorUnits(String code) {
        Integer known = MINOR_UNITS.get(code);
        if (known != null) {
            return known;
        }
        int digits = Math.max(Currency.getInstance(code.toUpperCase(Locale.ROOT)).getDefaultFractionDigits(), 0);
        MINOR_UNITS.put(code, digits);
        return digits;
    }
}
