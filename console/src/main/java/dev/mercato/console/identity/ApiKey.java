package dev.mercato.console.identity;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An API key as {@code /api/v1/api-keys} shows it: {@code keyPrefix} is the key's first characters, enough to tell keys
 * apart; {@code key} only in the answer to its creation. Rate limits are null unless the platform operator set them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiKey(String id, String name, String keyPrefix, List<String> scopes, String role, String organizationId,
        String status, Integer rateLimitPerHour, Integer rateLimitPerMinute, String createdBy, Instant createdAt,
        Instant lastUsedAt, Instant revokedAt, String key) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    /** Never print the key. */
    @Override
    public String toString() {
        return "ApiKey[id=" + id + ", name=" + name + ", status=" + status + "]";
    }
}
