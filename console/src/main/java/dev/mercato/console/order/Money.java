package dev.mercato.console.order;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

/** An API price object (currency → amount, e.g. {@code {"eur": 240.00}}) as one line of text. */
public final class Money {

    private Money() {
    }

    public static String of(Map<String, BigDecimal> price) {
        if (price == null || price.isEmpty()) {
            return "";
        }
        return price.entrySet().stream()
                .map(entry -> entry.getValue().toPlainString() + " " + entry.getKey().toUpperCase(java.util.Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
