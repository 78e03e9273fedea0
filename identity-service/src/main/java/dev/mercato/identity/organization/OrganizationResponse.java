package dev.mercato.identity.organization;

import java.time.Instant;
import java.util.Map;

/** An organization as the API shows it. */
public record OrganizationResponse(
        String id,
        String kind,
        String parentId,
        String name,
        String externalId,
        String customerNumber,
        String countryCode,
        AddressResponse address,
        String segment,
        String status,
        String currency,
        int billingDay,
        Map<String, Object> metadata,
        Instant createdAt,
        Instant updatedAt) {

    /** A postal address in a response. */
    public record AddressResponse(String line1, String line2, String line3, String city, String postalCode,
            String stateProvince, String country) {
    }
}
