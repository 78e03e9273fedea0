package dev.mercato.identity.federated;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.identity.audit.AuditLog;
import dev.mercato.identity.login.LoginTokensResponse;
import dev.mercato.identity.login.UserTokens;
import dev.mercato.identity.settings.SettingsRepository;
import dev.mercato.identity.user.User;
import dev.mercato.identity.user.UserRepository;
import dev.mercato.platform.api.ApiException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Federated login, deny-by-default: a verified ID token of a configured issuer that the user's
 * organization lists in its settings. The first login finds the user by the token's email, which the
 * issuer must have verified ({@code email_verified: true}), and links the issuer's account
 * ({@code iss}, {@code sub}) to that user; every later login matches on that pair alone, so a changed
 * email at the issuer keeps working and another account claiming the same email does not get in. The
 * token has proven the email, so saying that no user has it reveals nothing the caller did not know.
 */
@ApplicationScoped
public class FederatedLoginService {

    private final IdTokenVerifier verifier;
    private final FederatedIdentities links;
    private final UserRepository users;
    private final SettingsRepository settings;
    private final UserTokens tokens;
    private final AuditLog audit;

    FederatedLoginService(IdTokenVerifier verifier, FederatedIdentities links, UserRepository users,
            SettingsRepository settings, UserTokens tokens, AuditLog audit) {
        this.verifier = verifier;
        this.links = links;
        this.users = users;
        this.settings = settings;
        this.tokens = tokens;
        this.audit = audit;
    }

    public Uni<LoginTokensResponse> login(FederatedLoginRequest request) {
        return verifier.verify(request.idToken(), request.issuer())
                .chain(identity -> Panache.withTransaction(() -> links.loginOf(identity.issuerUrl(), identity.subject())
                        .chain(userId -> userId != null ? linkedUser(userId, identity) : linkFirstLogin(identity))))
                .chain(user -> Panache.withSession(() -> tokens.issue(user)));
    }

    private Uni<User> linkedUser(String userId, VerifiedIdToken identity) {
        return users.findById(userId).chain(user -> requireAllowed(user, identity));
    }

    private Uni<User> linkFirstLogin(VerifiedIdToken identity) {
        if (identity.email() == null) {
            throw unauthorized("id_token carries no email claim, which the first login through '"
                    + identity.issuerName() + "' needs to find the Mercato user");
        }
        if (!identity.emailVerified()) {
            throw unauthorized("the issuer has not verified the email address of this id_token (email_verified), "
                    + "which the first login through '" + identity.issuerName() + "' needs");
        }
        return users.findByEmail(identity.email())
                .chain(user -> requireAllowed(user, identity))
                .call(user -> links.linked(user.id, identity.issuerUrl()).invoke(linked -> {
                    if (linked) {
                        throw unauthorized("This Mercato user is already linked to another account of '"
                                + identity.issuerName() + "'");
                    }
                }))
                .call(user -> links.link(identity.issuerUrl(), identity.subject(), user.id, identity.email())
                        .invoke(inserted -> {
                            if (!inserted) {
                                throw unauthorized("This account of '" + identity.issuerName()
                                        + "' or this Mercato user was linked by another login at the same moment; "
                                        + "try again");
                            }
                        }))
                .call(user -> audit.recordAs(user.id, user.ownerPath, "user.federated_identity_linked", "user", user.id,
                        Map.of("issuer", identity.issuerName(), "subject", identity.subject())));
    }

    private Uni<User> requireAllowed(User user, VerifiedIdToken identity) {
        if (user == null) {
            throw unauthorized("No Mercato user has the email address of this id_token");
        }
        if (!user.isActive()) {
            throw unauthorized("This Mercato user is disabled");
        }
        return settings.findById(user.organizationId).map(found -> {
            if (found == null || !found.allowsIssuer(identity.issuerName())) {
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
