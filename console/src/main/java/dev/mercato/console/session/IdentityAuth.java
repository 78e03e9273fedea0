package dev.mercato.console.session;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mercato.console.api.ApiUnavailableException;
import dev.mercato.console.api.SessionEndedException;
import dev.mercato.console.api.Upstream;
import dev.mercato.console.api.UpstreamHttp;
import dev.mercato.console.api.UpstreamHttp.Answer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.MultiMap;

/**
 * identity-service's token endpoints as a signed-in user needs them: password login ({@code POST /api/v1/auth/login}),
 * login with an OpenID provider's ID token ({@code POST /api/v1/auth/federated}),
 * the {@code refresh_token} grant ({@code POST /oauth/token}) and revocation at sign-out ({@code POST /oauth/revoke}).
 */
@ApplicationScoped
public class IdentityAuth {

    private final UpstreamHttp http;
    private final Clock clock;

    public IdentityAuth(UpstreamHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /**
     * The user's tokens, or the API's refusal (wrong credentials, throttled, invalid input).
     *
     * @param clientAddress the browser's address, which identity throttles sign-ins by
     */
    public Uni<Tokens> login(String email, String password, String clientAddress) {
        return signIn(clientAddress, "/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    /**
     * The tokens of the user an OpenID provider's ID token names, or the API's refusal (an issuer the user's
     * organization does not allow, no such user, a token it cannot verify).
     *
     * @param provider the name identity knows the issuer by
     */
    public Uni<Tokens> federated(String idToken, String provider, String clientAddress) {
        return signIn(clientAddress, "/api/v1/auth/federated", Map.of("id_token", idToken, "issuer", provider));
    }

    private Uni<Tokens> signIn(String clientAddress, String path, Map<String, String> body) {
        return http.sendJsonFor(clientAddress, Upstream.IDENTITY, path, body).map(answer -> {
            if (!answer.succeeded()) {
                throw answer.refusal();
            }
            return tokensOf(answer, "expires");
        });
    }

    /**
     * Spends {@code refreshToken} for a new pair. A refused refresh token (expired, revoked, already used) ends the
     * session: {@link SessionEndedException}.
     */
    public Uni<Tokens> refresh(String refreshToken) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap()
                .add("grant_type", "refresh_token")
                .add("refresh_token", refreshToken);
        return http.sendForm(Upstream.IDENTITY, "/oauth/token", form).map(answer -> {
            if (answer.status() == 400 || answer.status() == 401) {
                throw new SessionEndedException();
            }
            if (!answer.succeeded()) {
                throw answer.refusal();
            }
            return tokensOf(answer, "expires_in");
        });
    }

    /** Revokes the refresh token's family and the access tokens issued with it; a failure leaves them to expire. */
    public Uni<Void> revoke(String refreshToken) {
        MultiMap form = MultiMap.caseInsensitiveMultiMap().add("token", refreshToken);
        return http.sendForm(Upstream.IDENTITY, "/oauth/revoke", form)
                .onFailure(ApiUnavailableException.class).recoverWithNull()
                .replaceWithVoid();
    }

    private Tokens tokensOf(Answer answer, String lifetimeField) {
        JsonNode body = answer.body();
        String access = body.path("access_token").asText("");
        String refresh = body.path("refresh_token").asText("");
        if (access.isEmpty() || refresh.isEmpty()) {
            throw new ApiUnavailableException(Upstream.IDENTITY, "answered without the tokens it should have issued", null);
        }
        return new Tokens(access, refresh, clock.instant().plusSeconds(body.path(lifetimeField).asLong(0)),
                TokenClaims.of(access));
    }
}
