package dev.mercato.order.transaction;

import java.util.Set;

/**
 * The order types that can be placed, with the type-specific fields each requires and allows besides the
 * fields every order has, and whether its items name the subscription they change by serial number.
 */
public enum OrderType {
    INITIAL(Set.of("customerCsn", "customerName"),
            Set.of("contractStartDate", "customerAddressLine1", "customerAddressLine2", "customerAddressLine3",
                    "customerCity", "customerPostal", "customerCountry"), false),
    ADD_PRODUCT(Set.of("contractNumber"), Set.of("contractStartDate"), false),
    ADD_SEAT(Set.of("contractNumber"), Set.of(), true),
    EXTEND(Set.of("contractNumber", "contractEndDate"), Set.of(), true),
    MULTI_USER_TRADE_IN(Set.of("contractNumber", "contractEndDate", "opportunityNumber"), Set.of(), true),
    RENEWAL(Set.of("opportunityNumber"), Set.of("partialRenewal"), true),
    S2S(Set.of("contractNumber"), Set.of(), true);

    private final Set<String> required;
    private final Set<String> optional;
    private final boolean itemsNameSubscriptions;

    OrderType(Set<String> required, Set<String> optional, boolean itemsNameSubscriptions) {
        this.required = required;
        this.optional = optional;
        this.itemsNameSubscriptions = itemsNameSubscriptions;
    }

    public boolean requires(String field) {
        return required.contains(field);
    }

    public boolean allows(String field) {
        return required.contains(field) || optional.contains(field);
    }

    /** Whether each item must carry the serial number of the subscription it changes (and others must not). */
    public boolean itemsNameSubscriptions() {
        return itemsNameSubscriptions;
    }
}
