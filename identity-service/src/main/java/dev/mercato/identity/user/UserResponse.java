package dev.mercato.identity.user;

import java.time.Instant;

/** A user as the API shows it; never its password or hash. */
public record UserResponse(
        String id,
        String email,
        String name,
        String status,
        String organizationId,
        String role,
        Instant createdAt,
        Instant updatedAt) {
}
