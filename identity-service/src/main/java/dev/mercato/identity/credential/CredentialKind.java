package dev.mercato.identity.credential;

/** The two faces of one credential model; they differ only in how the secret is presented. */
public enum CredentialKind {

    /** An OAuth client: {@code client_id} + {@code client_secret} at {@code /oauth/token}. */
    APPLICATION("app", "mcs_", "application"),

    /** A single opaque key, {@code Authorization: Basic <key>} at {@code POST /api/v1/auth}. */
    API_KEY("key", "mk_live_", "api_key");

    private final String idPrefix;
    private final String secretPrefix;
    private final String auditName;

    CredentialKind(String idPrefix, String secretPrefix, String auditName) {
        this.idPrefix = idPrefix;
        this.secretPrefix = secretPrefix;
        this.auditName = auditName;
    }

    /** Prefix of the ids of this kind ({@code app_…}, {@code key_…}). */
    public String idPrefix() {
        return idPrefix;
    }

    /** Every secret of this kind starts with this, so that secret scanners recognise a leaked one. */
    public String secretPrefix() {
        return secretPrefix;
    }

    /** The name in audit events ({@code application.created}, {@code api_key.revoked}) and in 404 messages. */
    public String auditName() {
        return auditName;
    }
}
