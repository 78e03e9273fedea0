package dev.mercato.console.identity;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An OAuth application as {@code /api/v1/applications} shows it; {@code clientSecret} only in the answer to its
 * creation or a rotation.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Application(String clientId, String name, String description, List<String> scopes, String role,
        String organizationId, String status, Instant secretRotatedAt, Instant previousSecretExpiresAt,
        Instant createdAt, Instant revokedAt, String clientSecret) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    /** Never print the secret. */
    @Override
    public String toString() {
        return "Application[clientId=" + clientId + ", name=" + name + ", status=" + status + "]";
    }
}
