package dev.mercato.identity.application;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.mercato.identity.credential.Credential;

/**
 * An OAuth application as the API shows it. {@code clientSecret} appears only in the answer that
 * created or rotated it, never again. Rate limits are null unless the platform operator set them.
 */
public record ApplicationResponse(
        String clientId,
        String name,
        String description,
        List<String> scopes,
        String role,
        String organizationId,
        String organizationKind,
        String status,
        Instant secretRotatedAt,
        Instant previousSecretExpiresAt,
        Integer rateLimitPerHour,
        Integer rateLimitPerMinute,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant revokedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String clientSecret) {

    static ApplicationResponse of(Credential app) {
        return withSecret(app, null);
    }

    static ApplicationResponse withSecret(Credential app, String clientSecret) {
        return new ApplicationResponse(app.id, app.name, app.description, List.of(app.scopes.split(" ")),
                app.role.name(), app.organizationId, app.organizationKind, app.status.name(), app.secretRotatedAt,
                app.previousSecretExpiresAt, app.rateLimitPerHour, app.rateLimitPerMinute, app.createdBy,
                app.createdAt, app.updatedAt, app.revokedAt, clientSecret);
    }
}
