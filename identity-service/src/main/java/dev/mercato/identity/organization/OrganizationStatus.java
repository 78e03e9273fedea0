package dev.mercato.identity.organization;

/** Lifecycle of an organization. */
public enum OrganizationStatus {
    ACTIVE, INACTIVE, SUSPENDED
}
