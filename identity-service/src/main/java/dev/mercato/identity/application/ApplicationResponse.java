package dev.mercato.identity.application;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An OAuth application as the API shows it. {@code clientSecret} appears only in the answer that
 * created or rotated it, never again.
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
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        Instant revokedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String clientSecret) {

    static ApplicationResponse of(OAuthApplication app) {
        return withSecret(app, null);
    }

    static ApplicationResponse withSecret(OAuthApplication app, String clientSecret) {
        return new ApplicationResponse(app.clientId, app.name, app.description, List.of(app.scopes.split(" ")),
                app.role.name(), app.organizationId, app.organizationKind, app.status.name(), app.secretRotatedAt,
                app.previousSecretExpiresAt, app.createdBy, app.createdAt, app.updatedAt, app.revokedAt, clientSecret);
    }
}
