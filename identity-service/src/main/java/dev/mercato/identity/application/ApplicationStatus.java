package dev.mercato.identity.application;

/** Whether an OAuth application can still obtain tokens. */
public enum ApplicationStatus {
    ACTIVE, REVOKED
}
