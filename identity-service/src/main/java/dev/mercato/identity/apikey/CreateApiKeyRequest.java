package dev.mercato.identity.apikey;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * A new API key.
 *
 * @param scopes within what the caller's role allows
 * @param role   the caller's role (default) or the reader role of the same organization kind
 */
public record CreateApiKeyRequest(
        @NotBlank @Size(max = 200) String name,
        @NotEmpty @Size(max = 50) Set<@NotBlank @Size(max = 100) String> scopes,
        @Size(max = 40) String role) {
}
