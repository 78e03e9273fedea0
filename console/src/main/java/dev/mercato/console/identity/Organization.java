package dev.mercato.console.identity;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An organization as identity-service's organization collections show it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Organization(String id, String kind, String parentId, String name, String externalId, String status,
        String countryCode, String currency, Integer billingDay, String segment, String customerNumber,
        Instant createdAt) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    public boolean suspended() {
        return "SUSPENDED".equals(status);
    }
}
