package dev.mercato.identity.organization;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.mercato.platform.validation.Metadata;

/** The body of {@code POST} on /distributors, /partners, /tenants, /customers and /vendors. */
public record CreateOrganizationRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(min = 1, max = 100) String externalId,
        @Pattern(regexp = "[A-Za-z0-9]{10}", message = "must be exactly 10 letters or digits") String customerNumber,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as FI") String countryCode,
        @Valid AddressRequest address,
        @Size(max = 50) String segment,
        @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 code such as eur") String currency,
        @Min(1) @Max(28) Integer billingDay,
        @Size(max = 40) String parentId,
        @Metadata Map<String, Object> metadata) {

    /** A postal address in a request. */
    public record AddressRequest(
            @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @Size(max = 200) String line3,
            @Size(max = 100) String city,
            @Size(max = 20) String postalCode,
            @Size(max = 100) String stateProvince,
            @Size(max = 100) String country) {
    }
}
