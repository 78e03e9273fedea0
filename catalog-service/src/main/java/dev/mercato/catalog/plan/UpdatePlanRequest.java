package dev.mercato.catalog.plan;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PATCH /plans/{id}}: changes the plan and its draft version; only the fields given
 * change, and {@code priceDefinitions}, when given, replaces all of the draft's prices.
 */
public record UpdatePlanRequest(
        @Size(min = 1, max = 200) String name,
        @Size(max = 1000) String description,
        @Size(max = 40) String listingId,
        @Size(min = 1, max = 3) String currency,
        PricingPeriod pricingPeriod,
        @Valid CreatePlanRequest.FreeTrialTermsRequest freeTrialTerms,
        @Size(max = 50) List<@Valid @NotNull PriceDefinitionRequest> priceDefinitions) {
}
