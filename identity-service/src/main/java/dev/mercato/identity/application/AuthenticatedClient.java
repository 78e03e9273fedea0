package dev.mercato.identity.application;

import java.util.Set;

import dev.mercato.identity.token.TokenSubject;

/**
 * An application whose credentials were just verified.
 *
 * @param subject what its tokens carry
 * @param scopes  every scope it may ask for
 * @param scope   the same, sorted and space-separated: the scope of a token request without {@code scope}
 */
public record AuthenticatedClient(String clientId, TokenSubject subject, Set<String> scopes, String scope) {
}
