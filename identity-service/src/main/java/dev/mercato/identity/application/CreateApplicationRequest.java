package dev.mercato.identity.application;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * A new OAuth application.
 *
 * @param scopes within what the caller's role allows
 * @param role   the caller's role (default) or the reader role of the same organization kind
 */
public record CreateApplicationRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 1000) String description,
        @NotEmpty @Size(max = 50) Set<@NotBlank @Size(max = 100) String> scopes,
        @Size(max = 40) String role) {
}
