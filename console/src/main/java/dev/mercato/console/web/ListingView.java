package dev.mercato.console.web;

import java.util.List;

import dev.mercato.console.catalog.Listing;

/** One listing with its dimensions; when the role may change it, the edit and add-dimension forms and their refusals. */
public record ListingView(Listing listing, boolean mayWrite, FormValues edit, FormErrors editErrors,
        FormValues dimension, FormErrors dimensionErrors, String notice) {

    /** How a dimension's hour of usage may be measured besides the default, SUM. */
    public List<Choice> aggregations() {
        return Choice.among(dimension.of("aggregation"), "COUNT", "MAX", "LATEST", "UNIQUE_COUNT");
    }
}
