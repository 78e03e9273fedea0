package dev.mercato.order.contract;

/** The kind of contract, as the reseller API names it. */
public enum ContractType {
    SUBSCRIPTION, FLEX, MAINTENANCE, NA
}
