package dev.mercato.order.subscription;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A purchase ({@code pur}) and a suggested retail ({@code srp}) price object: one exact amount per
 * lower-case ISO 4217 currency. On a subscription the price of one quantity; on contracts and
 * opportunities the sum of their items' totals.
 */
@RegisterForReflection // stored as JSON in the prices columns
public record Prices(Map<String, BigDecimal> pur, Map<String, BigDecimal> srp) {

    public static final Prices NONE = new Prices(Map.of(), Map.of());

    public Prices {
        pur = sorted(pur);
        srp = sorted(srp);
    }

    /** These prices for {@code quantity}. */
    public Prices times(int quantity) {
        return new Prices(times(pur, quantity), times(srp, quantity));
    }

    /** Both price objects added currency by currency; a currency only one side has is kept as it is. */
    public Prices plus(Prices other) {
        return new Prices(plus(pur, other.pur), plus(srp, other.srp));
    }

    private static Map<String, BigDecimal> sorted(Map<String, BigDecimal> amounts) {
        return amounts == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(amounts));
    }

    private static Map<String, BigDecimal> times(Map<String, BigDecimal> amounts, int quantity) {
        Map<String, BigDecimal> result = new TreeMap<>();
        amounts.forEach((currency, amount) -> result.put(currency, amount.multiply(BigDecimal.valueOf(quantity))));
        return result;
    }

    private static Map<String, BigDecimal> plus(Map<String, BigDecimal> first, Map<String, BigDecimal> second) {
        Map<String, BigDecimal> result = new TreeMap<>(first);
        second.forEach((currency, amount) -> result.merge(currency, amount, BigDecimal::add));
        return result;
    }
}
