package dev.mercato.catalog.article;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import dev.mercato.pricing.Currencies;
import dev.mercato.pricing.PricingException;

/**
 * A price object: one amount per lower-case ISO 4217 currency ({@code {"eur": 1750, "sek": 15000}}).
 * Checks one as given in a request, naming the entry at fault ({@code purPrice.xxx}).
 */
final class PriceObjects {

    /** Above any real price of one item; larger amounts are typing errors. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    private PriceObjects() {
    }

    /** The price object sorted by currency, each amount checked; {@code null} reads as no prices. */
    static SortedMap<String, BigDecimal> validated(Map<String, BigDecimal> given, String field) {
        SortedMap<String, BigDecimal> prices = new TreeMap<>();
        if (given == null) {
            return prices;
        }
        given.forEach((code, amount) -> {
            String entry = field + "." + code;
            String currency = Currencies.normalize(code, entry);
            if (!currency.equals(code)) {
                throw new PricingException(entry, "currency codes are written in lower case, as '"
                        + code.toLowerCase(Locale.ROOT) + "'");
            }
            if (amount == null) {
                throw new PricingException(entry, "must be an amount");
            }
            if (amount.signum() < 0) {
                throw new PricingException(entry, "must not be negative");
            }
            if (amount.compareTo(MAX_AMOUNT) > 0) {
                throw new PricingException(entry, "must be at most " + MAX_AMOUNT.toPlainString());
            }
            int minorUnits = Currencies.minorUnits(currency);
            if (amount.stripTrailingZeros().scale() > minorUnits) {
                throw new PricingException(entry, "must have at most " + minorUnits + " decimal(s), the minor unit of "
                        + currency);
            }
            // 1E+3 is stored and shown as 1000.
            prices.put(currency, amount.scale() < 0 ? amount.setScale(0) : amount);
        });
        return prices;
    }
}
