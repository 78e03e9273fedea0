package dev.mercato.console.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An organization as identity-service's organization collections show it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Organization(String id, String kind, String parentId, String name, String status, String countryCode,
        String currency, String customerNumber) {
}
