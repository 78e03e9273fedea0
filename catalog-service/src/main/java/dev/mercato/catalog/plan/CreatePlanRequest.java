package dev.mercato.catalog.plan;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /plans}: the plan and its first (draft) version. A vendor creates plans for
 * itself; the platform names the vendor in {@code vendorId}.
 */
public record CreatePlanRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 1000) String description,
        @Size(max = 40) String listingId,
        @Size(max = 40) String vendorId,
        @NotBlank @Size(max = 3) String currency,
        PricingPeriod pricingPeriod,
        @Valid FreeTrialTermsRequest freeTrialTerms,
        @Size(max = 50) List<@Valid @NotNull PriceDefinitionRequest> priceDefinitions) {

    /** A free trial: its length, and the days the subscription keeps running after it without payment. */
    public record FreeTrialTermsRequest(
            @NotNull @Min(1) @Max(366) Integer freeTrialDuration,
            @NotNull FreeTrialPeriod freeTrialDurationPeriod,
            @Min(0) @Max(365) Integer freeTrialGracePeriod) {
    }
}
