package dev.mercato.platform.security;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.mercato.platform.security.revocation.RevocationList;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The last step of verifying an access token, after quarkus-oidc checked its signature, issuer,
 * audience and expiry: refuses (401) a token without the Mercato claims or one that was revoked,
 * and grants as permissions only the token's scopes that its role allows, so
 * {@code @PermissionsAllowed("read:customers")} means scope ∧ role.
 */
@ApplicationScoped
public class AccessTokenAugmentor implements SecurityIdentityAugmentor {

    private final RevocationList revocations;

    public AccessTokenAugmentor(RevocationList revocations) {
        this.revocations = revocations;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(() -> {
            CallerClaims claims = CallerClaims.from(token);
            if (revocations.rejects(claims.tokenId(), claims.clientId(), claims.subject(), claims.organizationPath(),
                    claims.issuedAt())) {
                throw new AuthenticationFailedException("access token refused: revoked");
            }
            // Built anew rather than copied, so that no permission of the raw token survives.
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(identity.getPrincipal())
                    .addCredentials(identity.getCredentials())
                    .addRoles(identity.getRoles())
                    .addAttributes(identity.getAttributes())
                    .addAttribute(CallerClaims.ATTRIBUTE, claims)
                    .addPermissionsAsString(claims.scopes())
                    .build();
        });
    }
}
