package dev.mercato.identity.role;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.mercato.platform.security.Role;

/**
 * The body of {@code PUT /api/v1/users/{id}/role}: the user's new role, in {@code organizationId}
 * (by default the organization the user is in; another one moves the user there).
 */
public record AssignRoleRequest(@NotNull Role role, @Size(min = 1, max = 40) String organizationId) {
}
