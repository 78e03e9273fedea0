package dev.mercato.identity.credential;

import java.util.Set;

/**
 * What a caller asks for when creating an application or API key (validated at the edge).
 *
 * @param description null for API keys
 * @param role        a role name, or null for the caller's own
 */
public record NewCredential(String name, String description, Set<String> scopes, String role) {
}
