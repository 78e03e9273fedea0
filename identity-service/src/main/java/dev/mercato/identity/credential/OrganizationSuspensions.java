package dev.mercato.identity.credential;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.identity.organization.Organization;
import dev.mercato.identity.organization.OrganizationStatus;
import dev.mercato.identity.organization.OrganizationStatusListener;
import dev.mercato.identity.token.Revocations;
import dev.mercato.identity.token.TokenConfig;
import dev.mercato.platform.events.CredentialRevokedV1;
import dev.mercato.platform.security.revocation.RevocationList;
import io.smallrye.mutiny.Uni;

/**
 * Suspending an organization cuts off its machines and those of its whole subtree: from then on their
 * applications and API keys are refused ({@link CredentialDirectory} reads the organizations on their path),
 * their refresh tokens are revoked, and an ORGANIZATION revocation on {@code identity.revocations} makes every
 * service refuse the access tokens issued until the suspension. Reactivating it needs no new secret: the same
 * credentials work again, while the tokens issued before the suspension stay refused.
 */
@ApplicationScoped
public class OrganizationSuspensions implements OrganizationStatusListener {

    private final Revocations revocations;
    private final RevocationList denyList;
    private final CredentialDirectory directory;
    private final TokenConfig tokens;

    public OrganizationSuspensions(Revocations revocations, RevocationList denyList, CredentialDirectory directory,
            TokenConfig tokens) {
        this.revocations = revocations;
        this.denyList = denyList;
        this.directory = directory;
        this.tokens = tokens;
    }

    @Override
    public Uni<Void> statusChanged(Organization organization, OrganizationStatus previous) {
        boolean suspended = organization.status == OrganizationStatus.SUSPENDED;
        if (!suspended && previous != OrganizationStatus.SUSPENDED) {
            return Uni.createFrom().voidItem();
        }
        directory.evictAll();
        if (!suspended) {
            return Uni.createFrom().voidItem(); // reactivated: the credentials are read afresh, nothing to undo
        }
        Instant now = Instant.now();
        Instant expiresAt = now.plus(tokens.accessTokenLifetime());
        // This instance refuses at once; the others when the record reaches them (milliseconds).
        denyList.add(new CredentialRevokedV1(CredentialRevokedV1.Kind.ORGANIZATION, organization.id, now, expiresAt));
        return revocations.publish(CredentialRevokedV1.Kind.ORGANIZATION, organization.id, now, expiresAt);
    }
}
