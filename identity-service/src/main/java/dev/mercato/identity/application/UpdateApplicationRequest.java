package dev.mercato.identity.application;

import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A change to an application; absent fields stay as they are. New scopes and rate limits apply to tokens
 * issued from then on (revoke the application, or its tokens, to cut existing ones short). Only the platform
 * operator may set the rate limits.
 */
public record UpdateApplicationRequest(
        @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Size(max = 1000) String description,
        @Size(min = 1, max = 50) Set<@NotBlank @Size(max = 100) String> scopes,
        @Positive @Max(1_000_000_000) Integer rateLimitPerHour,
        @Positive @Max(1_000_000_000) Integer rateLimitPerMinute) {
}
