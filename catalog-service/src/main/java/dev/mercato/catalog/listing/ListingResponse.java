package dev.mercato.catalog.listing;

import java.time.Instant;
import java.util.List;

/** A listing as the API shows it. {@code vendor} is the marketplace; {@code vendorId} the owning vendor organization. */
public record ListingResponse(
        String id,
        String object,
        String vendor,
        String vendorId,
        String name,
        String description,
        String productCode,
        String currency,
        String status,
        List<ListingDimension> dimensions,
        Instant createdAt,
        Instant updatedAt) {
}
