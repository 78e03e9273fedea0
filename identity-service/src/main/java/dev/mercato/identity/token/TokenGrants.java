package dev.mercato.identity.token;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * What {@code POST /oauth/token} does with a parsed request: {@code client_credentials} (an optional
 * {@code scope} narrows the application's scopes) and {@code refresh_token}. Failures are
 * {@link OAuthException}s.
 */
@ApplicationScoped
public class TokenGrants {

    private final ClientAuthenticator clients;
    private final AccessTokenIssuer issuer;
    private final RefreshTokenGrant refreshGrant;

    public TokenGrants(ClientAuthenticator clients, AccessTokenIssuer issuer, RefreshTokenGrant refreshGrant) {
        this.clients = clients;
        this.issuer = issuer;
        this.refreshGrant = refreshGrant;
    }

    /** @param authorization the {@code Authorization} header, or null */
    Uni<IssuedTokens> grant(OAuthForm form, String authorization) {
        String grantType = form.required("grant_type");
        ClientCredentials credentials = ClientCredentials.from(authorization, form.optional("client_id"),
                form.optional("client_secret"));
        return switch (grantType) {
            case "client_credentials" -> clientCredentials(credentials, form.scopes());
            case "refresh_token" -> refresh(credentials, form.required("refresh_token"), form.scopes());
            default -> throw OAuthException.unsupportedGrantType("grant_type must be client_credentials or refresh_token");
        };
    }

    private Uni<IssuedTokens> clientCredentials(ClientCredentials credentials, Set<String> requested) {
        if (credentials == null) {
            throw OAuthException.invalidClient("client authentication is required");
        }
        return clients.authenticate(credentials.clientId(), credentials.clientSecret()).chain(client -> {
            if (requested == null) {
                return issuer.issueChecked(client.subject(), client.scope(), "client_credentials",
                        client.secretValidUntil());
            }
            if (!client.scopes().containsAll(requested)) {
                throw OAuthException.invalidScope("scope must be a subset of the application's scopes");
            }
            return issuer.issueChecked(client.subject(), AccessTokenIssuer.scopeString(client.subject(), requested),
                    "client_credentials", client.secretValidUntil());
        });
    }

    private Uni<IssuedTokens> refresh(ClientCredentials credentials, String refreshToken, Set<String> scopes) {
        Uni<String> clientId = credentials == null
                ? Uni.createFrom().nullItem()
                : clients.authenticate(credentials.clientId(), credentials.clientSecret())
                        .map(AuthenticatedClient::clientId);
        return clientId.chain(id -> refreshGrant.refresh(refreshToken, id, scopes));
    }
}
