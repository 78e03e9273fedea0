package dev.mercato.identity.login;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.identity.organization.Organization;
import dev.mercato.identity.organization.OrganizationRepository;
import dev.mercato.identity.organization.OrganizationStatus;
import dev.mercato.identity.token.AccessTokenIssuer;
import dev.mercato.identity.token.TokenSubject;
import dev.mercato.identity.user.User;
import dev.mercato.platform.api.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * Tokens for a user who has proven who they are (password or federated ID token): subject = the user,
 * organization and role = the user's, scopes = everything the role allows, with a refresh token. A
 * user whose organization is not active gets none.
 */
@ApplicationScoped
public class UserTokens {

    private final OrganizationRepository organizations;
    private final AccessTokenIssuer issuer;

    public UserTokens(OrganizationRepository organizations, AccessTokenIssuer issuer) {
        this.organizations = organizations;
        this.issuer = issuer;
    }

    /** Needs an open session. */
    public Uni<LoginTokensResponse> issue(User user) {
        return organizations.findById(user.organizationId).chain(organization -> {
            if (organization == null || organization.status != OrganizationStatus.ACTIVE) {
                throw new ApiException(401, "The organization of this user is not active");
            }
            return issuer.issue(subjectOf(user, organization), user.role.allowedScopes(), true)
                    .map(LoginTokensResponse::of);
        });
    }

    private static TokenSubject subjectOf(User user, Organization organization) {
        return new TokenSubject(user.id, user.id, organization.id, organization.kind.name(), organization.path,
                user.role);
    }
}
