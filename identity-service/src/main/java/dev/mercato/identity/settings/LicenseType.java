package dev.mercato.identity.settings;

/** The kind of licence an organization holds on the marketplace. */
public enum LicenseType {
    TRIAL, STANDARD, PROFESSIONAL, ENTERPRISE
}
