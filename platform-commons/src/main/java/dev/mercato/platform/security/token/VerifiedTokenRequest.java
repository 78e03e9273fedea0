package dev.mercato.platform.security.token;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * A bearer token {@link CachedBearerMechanism} found verified in the {@link VerifiedTokenCache}, with the identity it
 * was verified as. Only {@link CachedTokenIdentityProvider} answers it; quarkus-oidc's provider never sees it.
 */
public final class VerifiedTokenRequest extends BaseAuthenticationRequest {

    private final SecurityIdentity verified;

    VerifiedTokenRequest(SecurityIdentity verified) {
        this.verified = verified;
    }

    /** The request-independent identity the token was verified as. */
    SecurityIdentity verified() {
        return verified;
    }
}
