package dev.mercato.identity.federated;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.identity.login.LoginTokensResponse;
import dev.mercato.identity.login.UserTokens;
import dev.mercato.identity.settings.SettingsRepository;
import dev.mercato.identity.user.User;
import dev.mercato.identity.user.UserRepository;
import dev.mercato.platform.api.ApiException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Federated login: a verified ID token of a configured issuer is mapped by its email to an active
 * Mercato user whose organization allows that issuer, who then gets our tokens. The token has proven
 * the email, so saying that no user has it reveals nothing the caller did not know.
 */
@ApplicationScoped
public class FederatedLoginService {

    private final IdTokenVerifier verifier;
    private final UserRepository users;
    private final SettingsRepository settings;
    private final UserTokens tokens;

    FederatedLoginService(IdTokenVerifier verifier, UserRepository users, SettingsRepository settings,
            UserTokens tokens) {
        this.verifier = verifier;
        this.users = users;
        this.settings = settings;
        this.tokens = tokens;
    }

    public Uni<LoginTokensResponse> login(FederatedLoginRequest request) {
        return verifier.verify(request.idToken(), request.issuer())
                .chain(identity -> Panache.withSession(() -> users.findByEmail(identity.email())
                        .chain(user -> requireAllowed(user, identity))
                        .chain(tokens::issue)));
    }

    private Uni<User> requireAllowed(User user, VerifiedIdToken identity) {
        if (user == null) {
            throw unauthorized("No Mercato user has the email address of this id_token");
        }
        if (!user.isActive()) {
            throw unauthorized("This Mercato user is disabled");
        }
        return settings.findById(user.organizationId).map(found -> {
            if (found != null && !found.allowsIssuer(identity.issuerName())) {
                throw unauthorized("The organization of this user does not allow login through '"
                        + identity.issuerName() + "'");
            }
            return user;
        });
    }

    private static ApiException unauthorized(String message) {
        return new ApiException(401, message);
    }
}
