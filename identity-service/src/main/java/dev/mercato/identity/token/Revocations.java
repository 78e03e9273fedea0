package dev.mercato.identity.token;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.events.CredentialRevokedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Revokes a credential everywhere: records it in identity's own ledger (so introspection answers at
 * once), kills the refresh tokens it covers, and publishes {@link CredentialRevokedV1} on
 * {@code identity.revocations} through the outbox, all in the caller's transaction. Every service
 * reads that topic into its deny list and rejects matching tokens with 401 until {@code expiresAt}.
 */
@ApplicationScoped
public class Revocations {

    private final Outbox outbox;
    private final RefreshTokenStore refreshTokens;

    public Revocations(Outbox outbox, RefreshTokenStore refreshTokens) {
        this.outbox = outbox;
        this.refreshTokens = refreshTokens;
    }

    /**
     * Publishes the revocation of {@code value}. Must run inside a transaction ({@code @WithTransaction}
     * or {@code Panache.withTransaction}).
     *
     * @param kind      TOKEN (value = {@code jti}), CLIENT (value = application client id or API key id: every
     *                  token it obtained and its refresh tokens) or SUBJECT (value = {@code sub}, e.g. a disabled
     *                  user: every token and refresh token of that subject issued until now) or ORGANIZATION
     *                  (value = organization id, e.g. a suspended one: every token and refresh token whose
     *                  organization path holds it, issued until now)
     * @param expiresAt when the entry may be forgotten: the expiry of the token, or now + the access-token
     *                  lifetime for a client or subject
     */
    public Uni<Void> publish(CredentialRevokedV1.Kind kind, String value, Instant expiresAt) {
        return publish(kind, value, Instant.now(), expiresAt);
    }

    /**
     * As {@link #publish(CredentialRevokedV1.Kind, String, Instant)}, for tokens issued at or before
     * {@code revokedAt} rather than now: a secret rotation that ends the tokens issued before it.
     */
    public Uni<Void> publish(CredentialRevokedV1.Kind kind, String value, Instant revokedAt, Instant expiresAt) {
        Instant now = revokedAt;
        return record(kind, value, now, expiresAt)
                .call(() -> switch (kind) {
                    case CLIENT -> refreshTokens.revokeClient(value);
                    case SUBJECT -> refreshTokens.revokeSubject(value);
                    case ORGANIZATION -> refreshTokens.revokeOrganization(value);
                    case TOKEN -> Uni.createFrom().voidItem();
                })
                .call(() -> outbox.publish(Topics.IDENTITY_REVOCATIONS, value, CredentialRevokedV1.TYPE,
                        new CredentialRevokedV1(kind, value, now, expiresAt)))
                .replaceWithVoid();
    }

    /** Revokes a refresh-token family and every unexpired access token issued with it. */
    public Uni<Void> revokeRefreshFamily(String familyId) {
        return refreshTokens.revokeFamily(familyId).chain(live -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (RefreshTokenStore.LiveAccessToken token : live) {
                chain = chain.call(() -> publish(CredentialRevokedV1.Kind.TOKEN, token.jti(), token.expiresAt()));
            }
            return chain;
        });
    }

    private static Uni<Void> record(CredentialRevokedV1.Kind kind, String value, Instant now, Instant expiresAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into credential_revocation (kind, value, revoked_at, expires_at)
                values (:kind, :value, :now, :expires)
                on conflict (kind, value) do update set revoked_at = excluded.revoked_at,
                    expires_at = greatest(credential_revocation.expires_at, excluded.expires_at)""")
                .setParameter("kind", kind.name())
                .setParameter("value", value)
                .setParameter("now", now)
                .setParameter("expires", expiresAt)
                .executeUpdate())
                .replaceWithVoid();
    }
}
