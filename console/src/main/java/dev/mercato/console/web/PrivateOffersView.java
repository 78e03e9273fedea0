package dev.mercato.console.web;

import java.util.List;

import dev.mercato.console.catalog.PrivateOffer;

/**
 * One page of private offers with its filters; whether the user makes and sends offers (vendor side) or answers them
 * (customer side), and the create form's values and refusal.
 */
public record PrivateOffersView(List<PrivateOffer> offers, Pager pager, ListFilters filters, boolean vendorSide,
        boolean customerSide, FormValues form, FormErrors errors, String notice) {

    /** The statuses an offer can have, to filter on. */
    public List<Choice> statuses() {
        return Choice.among(filters.value("status"), "DRAFT", "SENT", "ACCEPTED", "DECLINED", "EXPIRED", "CANCELLED");
    }

    /** A column of buttons is shown when some offer on the page can be sent or answered by this user. */
    public boolean actions() {
        return offers.stream().anyMatch(offer -> (vendorSide && offer.draft()) || (customerSide && offer.sent()));
    }
}
