package dev.mercato.platform.events;

/**
 * Every Kafka topic Mercato uses, named {@code <service>.<aggregate>} and keyed by aggregate id.
 * deploy/ has a Strimzi KafkaTopic for each (checked by the deploy tests).
 */
public final class Topics {

    /** Organizations (platform, distributors, partners, tenants, vendors), published by identity-service. */
    public static final String IDENTITY_ORGANIZATIONS = "identity.organizations";

    /** Users (never their password hashes), published by identity-service. */
    public static final String IDENTITY_USERS = "identity.users";

    /**
     * Revoked tokens, applications, API keys and users ({@link CredentialRevokedV1}), published by
     * identity-service and read from the beginning by every instance of every service.
     */
    public static final String IDENTITY_REVOCATIONS = "identity.revocations";

    private Topics() {
    }
}
