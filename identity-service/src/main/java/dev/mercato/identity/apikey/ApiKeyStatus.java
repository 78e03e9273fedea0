package dev.mercato.identity.apikey;

/** Whether an API key can still be exchanged for tokens. */
public enum ApiKeyStatus {
    ACTIVE, REVOKED
}
