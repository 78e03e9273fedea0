package dev.mercato.catalog.quote;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * What a quote needs of an article: who owns it, when it can be ordered, for which order types, and its
 * prices of one price list (currency → amount).
 */
record QuotedArticle(String id, String sku, String ownerId, String description, String supportedOrderTypes,
        LocalDate startDate, LocalDate endDate, Map<String, BigDecimal> prices) {

    boolean orderableOn(LocalDate date) {
        return (startDate == null || !date.isBefore(startDate)) && (endDate == null || !date.isAfter(endDate));
    }

    String window() {
        return (startDate == null ? "since always" : "from " + startDate) + (endDate == null ? "" : " to " + endDate);
    }
}
