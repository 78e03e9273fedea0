package dev.mercato.platform.events;

import java.math.BigDecimal;
import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The state of a private offer after a change, as catalog-service publishes it on {@link Topics#CATALOG_OFFERS},
 * keyed by the offer id. Every change is published as {@value #CHANGED}; sending the offer (when its customer
 * first learns of it) is also published as {@value #CREATED}, and its acceptance as {@value #ACCEPTED}, the
 * event an order follows from. All three carry this same full snapshot. {@code version} grows with every change.
 *
 * @param vendor       the listing's marketplace: aws, azure or direct
 * @param vendorId     the vendor organization that owns the offer
 * @param customerId   the tenant organization the offer is addressed to
 * @param customerName the customer's name when the offer was made
 * @param status       DRAFT, SENT, ACCEPTED, DECLINED, EXPIRED or CANCELLED
 */
@RegisterForReflection // read and written by Jackson outside REST (Kafka payloads)
public record PrivateOfferChangedV1(
        String id,
        String vendor,
        String vendorId,
        String listingId,
        String listingName,
        String customerId,
        String customerName,
        String title,
        String notes,
        PricingV1 pricing,
        String status,
        Instant expiresAt,
        Instant sentAt,
        Instant acceptedAt,
        Instant declinedAt,
        Instant cancelledAt,
        Instant expiredAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static final String CHANGED = "mercato.catalog.offer.changed.v1";
    public static final String CREATED = "mercato.catalog.offer.created.v1";
    public static final String ACCEPTED = "mercato.catalog.offer.accepted.v1";

    /** The offer's terms: percentage off the listing's prices (at most two decimals) for {@code duration} months. */
    @RegisterForReflection // part of a Kafka payload
    public record PricingV1(BigDecimal discountPercentage, int duration) {
    }
}
