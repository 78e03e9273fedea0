package dev.mercato.console.identity;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of {@code PATCH} on an organization: only the fields given (not null) change. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrganizationChange(String name, String countryCode, String currency, String externalId, String segment,
        Object billingDay, String status) {

    /** Only the status changes: {@code ACTIVE}, {@code INACTIVE} or {@code SUSPENDED}. */
    public static OrganizationChange status(String status) {
        return new OrganizationChange(null, null, null, null, null, null, status);
    }
}
