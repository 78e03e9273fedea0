package dev.mercato.identity.user;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The body of {@code PATCH /api/v1/users/{id}}: absent fields stay as they are. */
public record UpdateUserRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        UserStatus status) {
}
