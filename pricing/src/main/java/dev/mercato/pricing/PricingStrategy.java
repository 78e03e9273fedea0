package dev.mercato.pricing;

/**
 * How a quantity becomes an amount (worked examples in the module's README).
 * Tiers cover the quantities above their {@code from} up to and including their {@code upTo}.
 */
public enum PricingStrategy {
    /** One fixed amount, whatever the quantity. */
    FLAT,
    /** Every unit at the one price. */
    UNIT,
    /** Graduated: each unit at the price of the tier it falls in; a tier's flat amount once the quantity reaches it. */
    TIERED,
    /** Every unit at the price of the one tier the whole quantity falls in, plus that tier's flat amount. */
    VOLUME,
    /** The price per started package of {@code packageSize} units. */
    PACKAGE
}
