package dev.mercato.identity.token;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.identity.audit.AuditLog;
import dev.mercato.identity.key.SecretHasher;
import dev.mercato.platform.events.CredentialRevokedV1;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * RFC 7009 revocation of an access token (its {@code jti}) or a refresh token (its whole family, with the
 * access tokens issued alongside). Holding a token is enough to revoke it; an authenticated client may
 * also revoke tokens of its own organization subtree. Anything else — unknown, foreign, expired or
 * someone else's token — is silently left alone, as the RFC asks.
 */
@ApplicationScoped
public class TokenRevocation {

    private final AccessTokenVerifier verifier;
    private final RefreshTokenStore refreshTokens;
    private final Revocations revocations;
    private final SecretHasher hasher;
    private final AuditLog audit;

    public TokenRevocation(AccessTokenVerifier verifier, RefreshTokenStore refreshTokens, Revocations revocations,
            SecretHasher hasher, AuditLog audit) {
        this.verifier = verifier;
        this.refreshTokens = refreshTokens;
        this.revocations = revocations;
        this.hasher = hasher;
        this.audit = audit;
    }

    /** @param client the authenticated client, or null when the request carried only the token */
    public Uni<Void> revoke(String token, AuthenticatedClient client) {
        if (token.startsWith(AccessTokenIssuer.REFRESH_TOKEN_PREFIX)) {
            return Panache.withTransaction(() -> refreshTokens.find(hasher.hash(token)).chain(stored -> {
                if (stored == null || stored.dead() || !allowed(client, stored.subject().clientId(),
                        stored.subject().organizationPath())) {
                    return Uni.createFrom().voidItem();
                }
                return revocations.revokeRefreshFamily(stored.familyId())
                        .call(() -> audit.recordAs(actor(client, stored.subject().subject()),
                                stored.subject().organizationPath(), "refresh_token.revoked", "refresh_token_family",
                                stored.familyId(), Map.of("clientId", stored.subject().clientId())));
            }));
        }
        return verifier.verify(token)
                .filter(verified -> !verified.expired()
                        && allowed(client, verified.clientId(), verified.organizationPath()))
                .map(verified -> Panache.withTransaction(() -> revocations
                        .publish(CredentialRevokedV1.Kind.TOKEN, verified.jti(), verified.expiresAt())
                        .call(() -> audit.recordAs(actor(client, verified.subject()), verified.organizationPath(),
                                "token.revoked", "token", verified.jti(), Map.of("clientId", verified.clientId())))))
                .orElseGet(() -> Uni.createFrom().voidItem());
    }

    private static boolean allowed(AuthenticatedClient client, String tokenClientId, String tokenPath) {
        return client == null || client.clientId().equals(tokenClientId) || TokenIntrospection.covers(client, tokenPath);
    }

    private static String actor(AuthenticatedClient client, String tokenSubject) {
        return client != null ? client.clientId() : tokenSubject;
    }
}
