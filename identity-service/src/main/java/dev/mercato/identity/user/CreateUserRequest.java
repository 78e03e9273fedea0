package dev.mercato.identity.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.mercato.platform.security.Role;

/**
 * The body of {@code POST /api/v1/users}. {@code organizationId} defaults to the caller's own
 * organization; {@code role} must belong to that organization's kind; without {@code password} the
 * user can only log in through a federated issuer.
 */
public record CreateUserRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) String name,
        @Size(min = 1, max = 40) String organizationId,
        @NotNull Role role,
        @Size(max = 1024) String password) {

    /** Never print the password, e.g. in a log line or a failed assertion. */
    @Override
    public String toString() {
        return "CreateUserRequest[email=" + email + ", name=" + name + ", organizationId=" + organizationId
                + ", role=" + role + ", password=" + (password == null ? "null" : "***") + "]";
    }
}
