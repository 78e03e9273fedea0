package dev.mercato.identity.organization;

import dev.mercato.platform.security.Scopes;

/** Where an organization stands in the marketplace: platform → distributors → partners → tenants; vendors beside. */
public enum OrganizationKind {
    PLATFORM(null, Scopes.READ_ORGANIZATIONS, Scopes.WRITE_ORGANIZATIONS),
    DISTRIBUTOR(PLATFORM, Scopes.READ_ORGANIZATIONS, Scopes.WRITE_ORGANIZATIONS),
    PARTNER(DISTRIBUTOR, Scopes.READ_ORGANIZATIONS, Scopes.WRITE_ORGANIZATIONS),
    TENANT(PARTNER, Scopes.READ_CUSTOMERS, Scopes.WRITE_CUSTOMERS),
    VENDOR(PLATFORM, Scopes.READ_ORGANIZATIONS, Scopes.WRITE_ORGANIZATIONS);

    private final OrganizationKind parentKind;
    private final String readScope;
    private final String writeScope;

    OrganizationKind(OrganizationKind parentKind, String readScope, String writeScope) {
        this.parentKind = parentKind;
        this.readScope = readScope;
        this.writeScope = writeScope;
    }

    /** The kind an organization of this kind sits under; null for the platform. */
    public OrganizationKind parentKind() {
        return parentKind;
    }

    public String readScope() {
        return readScope;
    }

    public String writeScope() {
        return writeScope;
    }
}
