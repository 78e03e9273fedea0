package dev.mercato.order.catalogmodel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

/**
 * An article as orders see it: what it is sold as, when it can be ordered and for which order types, and its
 * purchase price object (lower-case currency → amount).
 */
public record CatalogArticle(String id, String sku, String ownerId, String description, String deployment,
        String contractType, Integer contractTerm, int packSize, String supportedOrderTypes, LocalDate startDate,
        LocalDate endDate, Map<String, BigDecimal> purPrice) {

    public boolean supports(String orderType) {
        return Arrays.asList(supportedOrderTypes.split(",")).contains(orderType);
    }

    public boolean orderableOn(LocalDate date) {
        return (startDate == null || !date.isBefore(startDate)) && (endDate == null || !date.isAfter(endDate));
    }

    /** The orderable window in words, for a refusal. */
    public String window() {
        return (startDate == null ? "since always" : "from " + startDate) + (endDate == null ? "" : " to " + endDate);
    }
}
