package dev.mercato.identity.token;

import java.util.Objects;

import dev.mercato.platform.security.Role;

/**
 * Who an access token speaks for: the claims {@code sub}, {@code client_id}, {@code org},
 * {@code org_kind}, {@code org_path} and {@code role} of docs/SECURITY.md.
 *
 * @param subject            user id ({@code usr_…}), application client id ({@code app_…}) or API key id ({@code key_…})
 * @param clientId           the application or API key that obtained the token (for a password login, the user id)
 * @param organizationId     the subject's organization ({@code org_…})
 * @param organizationKind   PLATFORM, DISTRIBUTOR, PARTNER, TENANT or VENDOR
 * @param organizationPath   the organization's path from the platform down ({@code org_a/org_b})
 * @param role               the subject's role; the token's scopes must be within its allowed scopes
 * @param rateLimits         the credential's own request limits ({@link RateLimits#NONE} for none)
 */
public record TokenSubject(String subject, String clientId, String organizationId, String organizationKind,
        String organizationPath, Role role, RateLimits rateLimits) {

    /** A subject without limits of its own (users). */
    public TokenSubject(String subject, String clientId, String organizationId, String organizationKind,
            String organizationPath, Role role) {
        this(subject, clientId, organizationId, organizationKind, organizationPath, role, RateLimits.NONE);
    }

    public TokenSubject {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(organizationKind, "organizationKind");
        Objects.requireNonNull(organizationPath, "organizationPath");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(rateLimits, "rateLimits");
    }
}
