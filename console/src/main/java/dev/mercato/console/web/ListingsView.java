package dev.mercato.console.web;

import java.util.List;

import dev.mercato.console.catalog.Listing;

/**
 * One page of listings with its filters, and the create form when the role may create ({@code vendorId} is asked for
 * only from the platform, which creates listings for a vendor).
 */
public record ListingsView(List<Listing> listings, Pager pager, ListFilters filters, boolean mayWrite,
        boolean asksVendorId, FormValues form, FormErrors errors, String notice) {

    private static final String[] MARKETPLACES = {"aws", "azure", "direct"};

    /** The marketplaces a listing is sold on, for the create form. */
    public List<Choice> marketplaces() {
        return Choice.among(form.of("vendor"), MARKETPLACES);
    }

    /** The marketplaces, to filter on. */
    public List<Choice> marketplaceFilter() {
        return Choice.among(filters.value("vendor"), MARKETPLACES);
    }

    /** The statuses a listing can have, to filter on. */
    public List<Choice> statuses() {
        return Choice.among(filters.value("status"), "ACTIVE", "RETIRED");
    }
}
