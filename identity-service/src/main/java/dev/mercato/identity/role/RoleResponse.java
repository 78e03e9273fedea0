package dev.mercato.identity.role;

import java.util.List;

/**
 * A role as {@code GET /api/v1/roles} shows it: the organization kind it belongs to, whether it only
 * reads, and the scopes a token of it may carry (sorted).
 */
public record RoleResponse(String name, String organizationKind, boolean reader, List<String> allowedScopes) {
}
