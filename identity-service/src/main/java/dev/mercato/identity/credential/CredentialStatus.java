package dev.mercato.identity.credential;

/** Whether a credential can still obtain tokens (its organization must be unsuspended too). */
public enum CredentialStatus {
    ACTIVE, REVOKED
}
