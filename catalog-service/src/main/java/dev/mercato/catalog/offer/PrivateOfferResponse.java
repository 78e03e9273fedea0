package dev.mercato.catalog.offer;

import java.time.Instant;

/**
 * A private offer as the API shows it. {@code vendor} is the marketplace, {@code vendorId} the vendor
 * organization that owns it, {@code customerId} the tenant it is addressed to. Each of {@code sentAt},
 * {@code acceptedAt}, {@code declinedAt}, {@code cancelledAt} and {@code expiredAt} is set once the offer
 * got there.
 */
public record PrivateOfferResponse(
        String id,
        String object,
        String vendor,
        String vendorId,
        String listingId,
        String listingName,
        String customerId,
        String customerName,
        String title,
        String notes,
        OfferPricing pricing,
        String status,
        Instant expiresAt,
        Instant sentAt,
        Instant acceptedAt,
        Instant declinedAt,
        Instant cancelledAt,
        Instant expiredAt,
        Instant createdAt,
        Instant updatedAt) {
}
