package dev.mercato.catalog.plan;

/** When a price is charged: every pricing period, once, or for metered usage of a listing dimension. */
public enum CostTypeCategory {
    RECURRING, ONE_TIME, USAGE
}
