package dev.mercato.console.identity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A user as {@code GET /api/v1/users/{id}} shows it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record User(String id, String email, String name, String status, String organizationId, String role) {
}
