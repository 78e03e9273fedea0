package dev.mercato.catalog.listing;

/**
 * How a dimension's usage in one hour is measured: the sum of the quantities, how many events, the
 * largest quantity, the latest one (by usage time), or how many distinct values of a named property.
 */
public enum DimensionAggregation {
    SUM, COUNT, MAX, LATEST, UNIQUE_COUNT
}
