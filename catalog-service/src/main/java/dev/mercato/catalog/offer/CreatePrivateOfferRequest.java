package dev.mercato.catalog.offer;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/private-offers}. {@code vendor} is the listing's marketplace and may be
 * left out; {@code expiresAt} may be set now or before sending (else sending sets a default).
 */
public record CreatePrivateOfferRequest(
        @Pattern(regexp = "aws|azure|direct", message = "must be aws, azure or direct") String vendor,
        @NotBlank @Size(max = 40) String listingId,
        @NotBlank @Size(max = 40) String customerId,
        @NotNull @Valid OfferPricing pricing,
        @Size(min = 1, max = 200) String title,
        @Size(max = 1000) String notes,
        Instant expiresAt) {
}
