package dev.mercato.platform.events;

import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A credential that must no longer be accepted, as identity-service publishes it on
 * {@link Topics#IDENTITY_REVOCATIONS} (type {@link #TYPE}, key = {@code value}). Every service
 * instance keeps these in its deny list until {@code expiresAt} (docs/SECURITY.md "Revocation").
 *
 * @param kind      what {@code value} names
 * @param value     the token id ({@code jti}), the client id ({@code client_id}), the subject ({@code sub})
 *                  or the organization id ({@code org_…})
 * @param revokedAt when it was revoked: for CLIENT, SUBJECT and ORGANIZATION, every token issued at or
 *                  before this instant is refused
 * @param expiresAt when the entry can be forgotten: no token it can match is still valid then
 *                  (the token's {@code exp}, or revokedAt + the longest token lifetime)
 */
@RegisterForReflection // read and written by Jackson outside REST (Kafka payloads)
public record CredentialRevokedV1(Kind kind, String value, Instant revokedAt, Instant expiresAt) {

    public static final String TYPE = "mercato.identity.credential.revoked.v1";

    /** What a revocation names. */
    @RegisterForReflection // part of a Kafka payload
    public enum Kind {
        /** One access token, by {@code jti}. */
        TOKEN,
        /** An OAuth application or API key, by {@code client_id}: all tokens it obtained so far. */
        CLIENT,
        /** A user or application, by {@code sub}: all tokens issued to it so far. */
        SUBJECT,
        /**
         * An organization, by id ({@code org_…}), e.g. a suspended one: all tokens issued so far to anyone
         * of it or of its subtree, that is every token whose {@code org_path} holds that id. Added in a
         * compatible way: a consumer built before it fails to read the record and skips it as malformed.
         */
        ORGANIZATION
    }
}
