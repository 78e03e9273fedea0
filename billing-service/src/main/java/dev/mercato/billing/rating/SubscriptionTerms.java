package dev.mercato.billing.rating;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What rating needs of a subscription: its term (start and end date, both included), the quantity ordered
 * over time, the SRP and purchase price per quantity for the term (lower-case currency → amount), and
 * the listing it meters through its plan.
 *
 * @param retiredOn the first day it no longer runs (traded in, switched away), or null
 * @param quantities the ordered quantity from each day it changed on, oldest first
 */
public record SubscriptionTerms(String id, String customerId, String sku, String description, LocalDate startDate,
        LocalDate endDate, LocalDate retiredOn, List<QuantityChange> quantities, Map<String, BigDecimal> srpPrice,
        Map<String, BigDecimal> purPrice, String listingId, java.time.Instant createdAt) {

    /** The quantity from {@code from} on, until the next change. */
    public record QuantityChange(LocalDate from, int quantity) {
    }

    /** The first day it is no longer billed: the day after its end date, or the day it was retired if earlier. */
    public LocalDate billedUntil() {
        LocalDate afterEnd = endDate.plusDays(1);
        return retiredOn != null && retiredOn.isBefore(afterEnd) ? retiredOn : afterEnd;
    }

    /** Whether it runs on {@code day}: from its start date, until its end date or retirement. */
    public boolean runsOn(LocalDate day) {
        return !day.isBefore(startDate) && day.isBefore(billedUntil());
    }

    public int quantityOn(LocalDate day) {
        int quantity = quantities.isEmpty() ? 0 : quantities.get(0).quantity();
        for (QuantityChange change : quantities) {
            if (change.from().isAfter(day)) {
                break;
            }
            quantity = change.quantity();
        }
        return quantity;
    }
}
