package dev.mercato.catalog.article;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** The kinds of order an article can be used for, in their canonical order. */
public enum OrderType {
    INITIAL, RENEWAL, ADD_SEAT, ADD_PRODUCT, EXTEND, MULTI_USER_TRADE_IN, S2S;

    /** The distinct {@code types} in canonical order, comma-separated, as the article row stores them. */
    static String join(Collection<OrderType> types) {
        return types.stream().distinct().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    /** The inverse of {@link #join}. */
    public static List<OrderType> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.stream(joined.split(",")).map(OrderType::valueOf).toList();
    }
}
