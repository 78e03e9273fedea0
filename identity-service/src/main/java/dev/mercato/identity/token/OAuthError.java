package dev.mercato.identity.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The error body of the OAuth endpoints (RFC 6749 §5.2): {@code {"error": …, "error_description": …}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OAuthError(String error, @JsonProperty("error_description") String errorDescription) {
}
