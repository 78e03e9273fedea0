package dev.mercato.identity.token;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.identity.key.SecretHasher;
import dev.mercato.identity.token.AccessTokenMinter.MintedToken;
import dev.mercato.identity.token.RefreshTokenStore.StoredRefreshToken;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The {@code refresh_token} grant. A refresh token works once: using it spends it and returns a new one
 * of the same family. Presenting a spent one means it was copied, so the whole family and every
 * unexpired access token issued with it are revoked (and published), and the request fails.
 */
@ApplicationScoped
public class RefreshTokenGrant {

    private final RefreshTokenStore store;
    private final AccessTokenIssuer issuer;
    private final Revocations revocations;
    private final SecretHasher hasher;

    public RefreshTokenGrant(RefreshTokenStore store, AccessTokenIssuer issuer, Revocations revocations,
            SecretHasher hasher) {
        this.store = store;
        this.issuer = issuer;
        this.revocations = revocations;
        this.hasher = hasher;
    }

    /**
     * Rotates {@code presented}.
     *
     * @param clientId    the authenticated client, or null when the request carried no client authentication
     * @param narrowScope scopes the new access token should be limited to, or null for the token's own
     */
    public Uni<IssuedTokens> refresh(String presented, String clientId, Set<String> narrowScope) {
        if (!presented.startsWith(AccessTokenIssuer.REFRESH_TOKEN_PREFIX) || presented.length() > 200) {
            return Uni.createFrom().failure(OAuthException.invalidGrant("the refresh token is invalid"));
        }
        String hash = hasher.hash(presented);
        return Panache.withTransaction(() -> store.find(hash).chain(stored -> rotate(hash, stored, clientId, narrowScope)))
                .chain(outcome -> {
                    if (outcome.failure != null) {
                        return Uni.createFrom().failure(outcome.failure);
                    }
                    return issuer.audit(outcome.stored.subject(), outcome.access, outcome.accessScope, "refresh_token")
                            .replaceWith(new IssuedTokens(outcome.access.token(), issuer.lifetimeSeconds(),
                                    outcome.accessScope, outcome.refreshToken));
                });
    }

    private Uni<Outcome> rotate(String hash, StoredRefreshToken stored, String clientId, Set<String> narrowScope) {
        if (stored == null || stored.dead() || (clientId != null && !clientId.equals(stored.subject().clientId()))) {
            return Uni.createFrom().item(Outcome.failed(
                    OAuthException.invalidGrant("the refresh token is invalid, expired or revoked")));
        }
        if (stored.spent()) {
            return reused(stored);
        }
        String accessScope = stored.scope();
        if (narrowScope != null) {
            Set<String> granted = Set.of(stored.scope().split(" "));
            if (!granted.containsAll(narrowScope)) {
                return Uni.createFrom().item(Outcome.failed(OAuthException.invalidScope(
                        "scope may only narrow the scopes of the refresh token")));
            }
            accessScope = AccessTokenIssuer.scopeString(stored.subject(), narrowScope);
        }
        String scope = accessScope;
        return store.spend(hash).chain(spent -> {
            if (!spent) {
                return reused(stored); // a concurrent request spent it first
            }
            MintedToken access = issuer.mint(stored.subject(), scope);
            return issuer.newRefreshToken(stored.familyId(), stored.subject(), stored.scope(), access)
                    .map(next -> new Outcome(stored, access, scope, next, null));
        });
    }

    private Uni<Outcome> reused(StoredRefreshToken stored) {
        return revocations.revokeRefreshFamily(stored.familyId())
                .replaceWith(Outcome.failed(OAuthException.invalidGrant(
                        "the refresh token was already used; its whole family has been revoked")));
    }

    /** What the transaction decided; a failure is returned, not thrown, so that a family revocation commits. */
    private record Outcome(StoredRefreshToken stored, MintedToken access, String accessScope, String refreshToken,
            OAuthException failure) {

        static Outcome failed(OAuthException failure) {
            return new Outcome(null, null, null, null, failure);
        }
    }
}
