package dev.mercato.catalog.plan;

/** The unit of a free trial's duration. */
public enum FreeTrialPeriod {
    DAY, WEEK, MONTH, YEAR
}
