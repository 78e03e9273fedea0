package dev.mercato.identity.token;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.identity.key.SecretHasher;
import dev.mercato.identity.token.AccessTokenMinter.MintedToken;
import dev.mercato.platform.id.Ids;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Issues access tokens (and, when asked, refresh tokens) for every grant of identity-service:
 * client credentials, API keys, password and federated login. Each token's audit event is committed
 * before the tokens are returned.
 */
@ApplicationScoped
public class AccessTokenIssuer {

    /** Refresh tokens start with this, so that a leaked one is recognisable. */
    public static final String REFRESH_TOKEN_PREFIX = "mrt_";

    private final AccessTokenMinter minter;
    private final RefreshTokenStore refreshTokens;
    private final SecretHasher hasher;
    private final TokenAudit audit;
    private final TokenConfig config;

    public AccessTokenIssuer(AccessTokenMinter minter, RefreshTokenStore refreshTokens, SecretHasher hasher,
            TokenAudit audit, TokenConfig config) {
        this.minter = minter;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.audit = audit;
        this.config = config;
    }

    /**
     * Issues tokens for {@code subject} with exactly {@code scopes}.
     *
     * @param scopes           must lie within {@code subject.role().allowedScopes()}
     * @param withRefreshToken also issue a refresh token (a new family); needs no surrounding transaction
     * @throws IllegalArgumentException when a scope lies outside the role's allowed scopes (a programming error:
     *                                  callers check requested scopes first and answer the client themselves)
     */
    public Uni<IssuedTokens> issue(TokenSubject subject, Set<String> scopes, boolean withRefreshToken) {
        return issue(subject, scopes, withRefreshToken, null);
    }

    /** As {@link #issue(TokenSubject, Set, boolean)}, naming the grant in the audit event ({@code password}, …). */
    public Uni<IssuedTokens> issue(TokenSubject subject, Set<String> scopes, boolean withRefreshToken, String grant) {
        String scope = scopeString(subject, scopes);
        MintedToken access = minter.mint(subject, scope);
        Uni<String> refresh = withRefreshToken
                ? Panache.withTransaction(() -> newRefreshToken(Ids.next("rtf"), subject, scope, access))
                : Uni.createFrom().nullItem();
        return refresh.call(() -> audit.issued(subject, access, scope, grant))
                .map(refreshToken -> new IssuedTokens(access.token(), minter.lifetimeSeconds(), scope, refreshToken));
    }

    /**
     * For scopes already checked against the role and sorted (an application's own): skips both. The token
     * expires no later than {@code notAfter} when it is given.
     */
    Uni<IssuedTokens> issueChecked(TokenSubject subject, String scope, String grant, Instant notAfter) {
        MintedToken access = minter.mint(subject, scope, notAfter);
        long expiresIn = access.expiresAt().getEpochSecond() - access.issuedAt().getEpochSecond();
        return audit.issued(subject, access, scope, grant)
                .replaceWith(() -> new IssuedTokens(access.token(), expiresIn, scope, null));
    }

    /** Within the caller's transaction: stores a new refresh token of {@code familyId}; returns the token. */
    Uni<String> newRefreshToken(String familyId, TokenSubject subject, String scope, MintedToken access) {
        String token = hasher.newSecret(REFRESH_TOKEN_PREFIX);
        Instant expiresAt = Instant.now().plus(config.refreshTokenLifetime());
        return refreshTokens.insert(hasher.hash(token), familyId, subject, scope, access, expiresAt).replaceWith(token);
    }

    MintedToken mint(TokenSubject subject, String scope) {
        return minter.mint(subject, scope);
    }

    Uni<Void> audit(TokenSubject subject, MintedToken access, String scope, String grant) {
        return audit.issued(subject, access, scope, grant);
    }

    long lifetimeSeconds() {
        return minter.lifetimeSeconds();
    }

    /** The scopes sorted and space-separated, after checking them against the role. */
    static String scopeString(TokenSubject subject, Set<String> scopes) {
        TreeSet<String> sorted = new TreeSet<>(scopes);
        for (String scope : sorted) {
            if (!subject.role().allowedScopes().contains(scope)) {
                throw new IllegalArgumentException("scope " + scope + " is not allowed for role " + subject.role());
            }
        }
        return String.join(" ", sorted);
    }
}
