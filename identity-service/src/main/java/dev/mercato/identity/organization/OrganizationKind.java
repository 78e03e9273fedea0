package dev.mercato.identity.organization;

/** Where an organization stands in the marketplace: platform → distributors → partners → tenants; vendors beside. */
public enum OrganizationKind {
    PLATFORM, DISTRIBUTOR, PARTNER, TENANT, VENDOR
}
