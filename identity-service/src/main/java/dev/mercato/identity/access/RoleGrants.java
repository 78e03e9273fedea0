package dev.mercato.identity.access;

import java.util.Arrays;
import java.util.stream.Collectors;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.security.Role;

/**
 * Who may give which role (docs/SECURITY.md): a role belongs to one organization kind, and a caller
 * may only hand out a role whose scopes its own role also allows — so a partner admin can make tenant
 * admins but never a platform or distributor admin — and a reader grants nothing. That the target
 * organization is within the caller's subtree is checked where the organization is looked up.
 */
public final class RoleGrants {

    private RoleGrants() {
    }

    /** Refuses unless {@code role} belongs to organizations of {@code organizationKind} (400 on {@code field}). */
    public static void requireRoleFits(String field, Role role, String organizationKind) {
        if (!role.organizationKind().equals(organizationKind)) {
            throw ApiException.invalidField(field, "must be a role of a " + organizationKind + " organization: "
                    + rolesOf(organizationKind));
        }
    }

    /**
     * Refuses (403) unless a caller whose role is {@code granter} may give {@code role} to someone,
     * or change someone who holds {@code role}.
     */
    public static void requireGrantable(Role granter, Role role) {
        if (granter == null || granter.isReader()) {
            throw ApiException.forbidden("A reader role cannot grant or change roles");
        }
        if (!granter.allowedScopes().containsAll(role.allowedScopes())) {
            throw ApiException.forbidden("A " + granter + " cannot grant or change the role " + role);
        }
    }

    /** The roles of one organization kind, e.g. {@code TENANT_ADMIN, TENANT_READER}. */
    public static String rolesOf(String organizationKind) {
        return Arrays.stream(Role.values())
                .filter(role -> role.organizationKind().equals(organizationKind))
                .map(Role::name)
                .collect(Collectors.joining(", "));
    }
}
