package dev.mercato.platform.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a customer may use of one product after a change, as order-service publishes it on
 * {@link Topics#ORDERS_ENTITLEMENTS} (type {@value #CHANGED}; webhooks call it {@code entitlement.updated}),
 * keyed by the entitlement id. One per customer and product: a metered listing ({@code listingId}, with the
 * {@code dimensions} usage may be reported in) or an article ({@code sku}). Published only when something in
 * it changed; {@code version} grows with every change.
 *
 * @param status        ACTIVE (usable now), INACTIVE (starts later) or EXPIRED
 * @param seats         seats of its active subscriptions
 * @param subscriptions serial numbers of the subscriptions it comes from
 */
@RegisterForReflection // read and written by Jackson outside REST (Kafka payloads)
public record EntitlementChangedV1(
        String id,
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
        Instant lastUpdated,
        long version) {

    public static final String CHANGED = "mercato.orders.entitlement.changed.v1";
}
