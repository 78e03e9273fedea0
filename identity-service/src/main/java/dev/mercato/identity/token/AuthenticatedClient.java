package dev.mercato.identity.token;

import java.time.Instant;
import java.util.Set;

/**
 * An application whose credentials were just verified.
 *
 * @param subject          what its tokens carry
 * @param scopes           every scope it may ask for
 * @param scope            the same, sorted and space-separated: the scope of a token request without {@code scope}
 * @param secretValidUntil when it authenticated with its previous secret during a rotation overlap, the end of
 *                         that overlap: no token it obtains may outlive it; null otherwise
 */
public record AuthenticatedClient(String clientId, TokenSubject subject, Set<String> scopes, String scope,
        Instant secretValidUntil) {
}
