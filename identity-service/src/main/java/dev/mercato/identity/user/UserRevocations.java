package dev.mercato.identity.user;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.identity.token.Revocations;
import dev.mercato.identity.token.TokenConfig;
import dev.mercato.platform.events.CredentialRevokedV1;
import io.smallrye.mutiny.Uni;

/**
 * Kills every token a user holds, everywhere and at once: a subject revocation (all access tokens
 * issued until now and all refresh tokens), used when a user is disabled or its role changes.
 */
@ApplicationScoped
public class UserRevocations {

    private final Revocations revocations;
    private final TokenConfig tokens;

    public UserRevocations(Revocations revocations, TokenConfig tokens) {
        this.revocations = revocations;
        this.tokens = tokens;
    }

    /** Within the caller's transaction. */
    public Uni<Void> revokeTokensOf(User user) {
        return revocations.publish(CredentialRevokedV1.Kind.SUBJECT, user.id,
                Instant.now().plus(tokens.accessTokenLifetime()));
    }
}
