package dev.mercato.catalog.listing;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/listings}. */
public record CreateListingRequest(
        @NotBlank @Pattern(regexp = "aws|azure|direct", message = "must be aws, azure or direct") String vendor,
        @Size(max = 64) String vendorId,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        @Size(min = 1, max = 100) String productCode,
        @NotBlank @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 code such as eur") String currency,
        @Size(max = ListingService.MAX_DIMENSIONS) List<@Valid @NotNull DimensionRequest> dimensions) {
}
