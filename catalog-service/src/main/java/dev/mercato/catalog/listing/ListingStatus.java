package dev.mercato.catalog.listing;

/** Whether a listing can be sold: a retired one stays readable for what was sold before. */
public enum ListingStatus {
    ACTIVE, RETIRED
}
