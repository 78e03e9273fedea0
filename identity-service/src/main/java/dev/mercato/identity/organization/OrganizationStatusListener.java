package dev.mercato.identity.organization;

import io.smallrye.mutiny.Uni;

/**
 * Told when an organization's status changes, inside the transaction that changes it, so that what hangs on
 * the organization (its credentials, its tokens) changes with it or not at all. Implemented by the
 * capabilities that need it; the organization package depends on none of them.
 */
public interface OrganizationStatusListener {

    /** {@code organization} now has its new status; {@code previous} is the one it had. */
    Uni<Void> statusChanged(Organization organization, OrganizationStatus previous);
}
