package dev.mercato.catalog.listing;

import jakarta.validation.constraints.Size;

/** The body of {@code PATCH /api/v1/listings/{id}}: only the fields given change. */
public record UpdateListingRequest(
        @Size(min = 1, max = 200) String name,
        @Size(max = 2000) String description,
        @Size(min = 1, max = 100) String productCode,
        ListingStatus status) {
}
