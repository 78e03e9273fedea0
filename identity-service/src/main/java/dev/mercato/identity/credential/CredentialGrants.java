package dev.mercato.identity.credential;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.FieldError;
import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;

/**
 * What a new OAuth application or API key may be given (docs/SECURITY.md): the creator's role, or the
 * narrower reader role of the same organization kind, and scopes within what the creator's role and
 * the credential's role both allow.
 */
public final class CredentialGrants {

    private CredentialGrants() {
    }

    /** The role and scopes a credential gets. */
    public record Grant(Role role, Set<String> scopes) {
    }

    /**
     * @param creatorRole    the caller's role
     * @param requestedRole  a role name, or null for the creator's
     * @param requestedScopes the scopes asked for (validated non-empty at the edge)
     */
    public static Grant decide(Role creatorRole, String requestedRole, Set<String> requestedScopes) {
        Role role = requestedRole == null ? creatorRole : roleNamed(requestedRole);
        boolean narrowerOrSame = role == creatorRole
                || (role.isReader() && role.organizationKind().equals(creatorRole.organizationKind()));
        if (!narrowerOrSame) {
            throw ApiException.invalidField("role",
                    "must be " + creatorRole + " or the reader role of the same organization kind");
        }
        return new Grant(role, scopesFor(creatorRole, role, requestedScopes));
    }

    /** {@code scopes}, checked to be known and allowed to both roles; sorted. */
    public static Set<String> scopesFor(Role creatorRole, Role role, Set<String> scopes) {
        TreeSet<String> sorted = new TreeSet<>(scopes);
        List<String> unknown = sorted.stream().filter(scope -> !Scopes.ALL.contains(scope)).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("Invalid request parameters",
                    List.of(new FieldError("scopes", "unknown scopes: " + String.join(", ", unknown))));
        }
        List<String> refused = sorted.stream()
                .filter(scope -> !creatorRole.allowedScopes().contains(scope) || !role.allowedScopes().contains(scope))
                .toList();
        if (!refused.isEmpty()) {
            throw ApiException.badRequest("Invalid request parameters", List.of(new FieldError("scopes",
                    "not allowed for role " + role + (role == creatorRole ? "" : " or your role " + creatorRole) + ": "
                            + String.join(", ", refused))));
        }
        return sorted;
    }

    private static Role roleNamed(String name) {
        try {
            return Role.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("role", "unknown role");
        }
    }
}
