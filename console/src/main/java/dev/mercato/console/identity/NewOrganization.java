package dev.mercato.console.identity;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code POST} on an organization collection. A null parent means the caller's own organization when it
 * is of the parent kind; null currency and billing day take identity's defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewOrganization(String name, String countryCode, String currency, String parentId, String externalId,
        String customerNumber, String segment) {
}
