package dev.mercato.console.identity;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A role as {@code GET /api/v1/roles} shows it: its organization kind, whether it only reads, the scopes it allows. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoleGrant(String name, String organizationKind, boolean reader, List<String> allowedScopes) {
}
