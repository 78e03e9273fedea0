package dev.mercato.catalog.discount;

/** How often one customer may redeem a discount. */
public enum RedemptionRestriction {
    /** As often as the discount's own limit allows. */
    NONE,
    /** Once per customer organization. */
    ONCE_PER_CUSTOMER
}
