package dev.mercato.identity.apikey;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.mercato.identity.credential.Credential;

/**
 * An API key as the API shows it; {@code key} appears only in the answer that created it. Rate limits are
 * null unless the platform operator set them.
 */
public record ApiKeyResponse(
        String id,
        String name,
        String keyPrefix,
        List<String> scopes,
        String role,
        String organizationId,
        String status,
        Integer rateLimitPerHour,
        Integer rateLimitPerMinute,
        String createdBy,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String key) {

    static ApiKeyResponse of(Credential key) {
        return withKey(key, null);
    }

    static ApiKeyResponse withKey(Credential apiKey, String key) {
        return new ApiKeyResponse(apiKey.id, apiKey.name, apiKey.keyPrefix, List.of(apiKey.scopes.split(" ")),
                apiKey.role.name(), apiKey.organizationId, apiKey.status.name(), apiKey.rateLimitPerHour,
                apiKey.rateLimitPerMinute, apiKey.createdBy, apiKey.createdAt, apiKey.lastUsedAt, apiKey.revokedAt,
                key);
    }
}
