package dev.mercato.identity.token;

import io.smallrye.mutiny.Uni;

/**
 * Checks the client authentication of a request to an OAuth endpoint. Implemented where the credentials
 * live, so that the token endpoints do not depend on how applications are stored.
 */
public interface ClientAuthenticator {

    /**
     * The client, when {@code secret} is its current secret (or its previous one within a rotation overlap)
     * and it may obtain tokens; fails with {@link OAuthException#invalidClient} otherwise.
     */
    Uni<AuthenticatedClient> authenticate(String clientId, String secret);
}
