package dev.mercato.identity.organization;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.mercato.platform.validation.Metadata;

/** The body of {@code PATCH} on an organization: only the fields given change. */
public record UpdateOrganizationRequest(
        @Size(min = 1, max = 200) String name,
        @Size(min = 1, max = 100) String externalId,
        @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as FI") String countryCode,
        @Valid CreateOrganizationRequest.AddressRequest address,
        @Size(max = 50) String segment,
        OrganizationStatus status,
        @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 code such as eur") String currency,
        @Min(1) @Max(28) Integer billingDay,
        @Metadata Map<String, Object> metadata) {
}
