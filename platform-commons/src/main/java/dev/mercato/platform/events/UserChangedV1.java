package dev.mercato.platform.events;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The state of a user after a change, published by identity-service on {@link Topics#IDENTITY_USERS} as
 * {@link #CREATED} or {@link #UPDATED}, keyed by user id. {@code version} grows with every change, so
 * a consumer recognises and ignores an older snapshot; {@code organizationPath} lets it decide
 * visibility without a call. Never carries the password hash.
 */
@RegisterForReflection // written by Jackson outside REST (Kafka payload)
public record UserChangedV1(
        String id,
        String email,
        String name,
        String status,
        String organizationId,
        List<String> organizationPath,
        String role,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static final String CREATED = "mercato.identity.user.created.v1";
    public static final String UPDATED = "mercato.identity.user.updated.v1";
}
