package dev.mercato.catalog.plan;

/** How often a plan version's recurring prices are charged. */
public enum PricingPeriod {
    MONTHLY, QUARTERLY, SIX_MONTHS, YEARLY, TWO_YEARS, THREE_YEARS
}
