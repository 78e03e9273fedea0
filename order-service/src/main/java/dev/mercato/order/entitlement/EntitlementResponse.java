package dev.mercato.order.entitlement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An entitlement as the API shows it: what a customer may use of a listing (with its metered dimensions)
 * or an article, how many seats, between which dates.
 */
public record EntitlementResponse(
        String id,
        String object,
        String customerId,
        String customerCsn,
        String customerName,
        String listingId,
        String sku,
        String description,
        List<String> dimensions,
        int seats,
        LocalDate startDate,
        LocalDate endDate,
        String status,
        List<String> subscriptions,
        Instant createdAt,
        Instant lastUpdated) {
}
