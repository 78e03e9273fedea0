package dev.mercato.catalog.offer;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PATCH /api/v1/private-offers/{id}}, for a draft only: the fields given change;
 * {@code pricing}, when given, replaces both terms.
 */
public record UpdatePrivateOfferRequest(
        @Size(min = 1, max = 40) String customerId,
        @Valid OfferPricing pricing,
        @Size(min = 1, max = 200) String title,
        @Size(max = 1000) String notes,
        Instant expiresAt) {
}
