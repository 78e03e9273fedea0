package dev.mercato.console.web;

import dev.mercato.console.catalog.Listing;

/** One dimension of a listing, and its edit form (values and refusal) when the role may change it. */
public record DimensionView(Listing listing, Listing.Dimension dimension, boolean mayWrite, FormValues form,
        FormErrors errors) {
}
