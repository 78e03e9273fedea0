package dev.mercato.identity.apikey;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A change to an API key; absent fields stay as they are. Only the platform operator may set the rate
 * limits, which apply to tokens issued from then on.
 */
public record UpdateApiKeyRequest(
        @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Positive @Max(1_000_000_000) Integer rateLimitPerHour,
        @Positive @Max(1_000_000_000) Integer rateLimitPerMinute) {
}
