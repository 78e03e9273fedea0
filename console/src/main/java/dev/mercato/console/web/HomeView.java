package dev.mercato.console.web;

import dev.mercato.console.identity.Organization;
import dev.mercato.console.identity.User;

/**
 * The home page: who is signed in, the organization (null for the platform, which has no collection of its own), and
 * for an organization with customers below it how many tenants it sees (null otherwise).
 */
public record HomeView(User user, Organization organization, String organizationId, String organizationKind,
        String role, Long tenantCount, Viewer viewer) {

    public boolean platform() {
        return "PLATFORM".equals(organizationKind);
    }
}
