package dev.mercato.platform.security;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.mercato.platform.security.revocation.RevocationList;
import dev.mercato.platform.security.token.CachedTokenIdentityProvider;
import dev.mercato.platform.security.token.VerifiedTokenCache;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * The last step of verifying an access token, after quarkus-oidc checked its signature, issuer,
 * audience and expiry: refuses (401) a token without the Mercato claims or one that was revoked,
 * and grants as permissions only the token's scopes that its role allows, so
 * {@code @PermissionsAllowed("read:customers")} means scope ∧ role. The identity it builds is
 * remembered in the {@link VerifiedTokenCache}; when the same token comes again that identity
 * returns, and only the deny list is consulted again — on every request.
 */
@Singleton
public class AccessTokenAugmentor implements SecurityIdentityAugmentor {

    private final RevocationList revocations;
    private final VerifiedTokenCache verifiedTokens;

    public AccessTokenAugmentor(RevocationList revocations, VerifiedTokenCache verifiedTokens) {
        this.revocations = revocations;
        this.verifiedTokens = verifiedTokens;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        CallerClaims remembered = identity.getAttribute(CallerClaims.ATTRIBUTE);
        if (remembered != null) {
            // Built by this class for a token verified earlier (CachedBearerMechanism); a
            // revocation may have arrived since.
            return rejectsRevoked(remembered) ? Uni.createFrom().failure(revoked()) : Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(() -> {
            CallerClaims claims = CallerClaims.from(token);
            if (rejectsRevoked(claims)) {
                throw revoked();
            }
            // Built anew rather than copied, so that no permission of the raw token survives.
            SecurityIdentity verified = CachedTokenIdentityProvider.requestIndependent(identity,
                    CallerClaims.ATTRIBUTE, claims, claims.scopes());
            verifiedTokens.remember(token.getRawToken(), verified, token.getExpirationTime());
            return CachedTokenIdentityProvider.forRequest(verified, CachedTokenIdentityProvider.routingOf(identity));
        });
    }

    private boolean rejectsRevoked(CallerClaims claims) {
        return revocations.rejects(claims.tokenId(), claims.clientId(), claims.subject(), claims.organizationPath(),
                claims.issuedAt());
    }

    private static AuthenticationFailedException revoked() {
        return new AuthenticationFailedException("access token refused: revoked");
    }
}
