package dev.mercato.identity.access;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.identity.organization.Organization;
import dev.mercato.identity.organization.OrganizationRepository;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * The organizations a caller manages — its own and those below it — where it may put users and
 * change settings. An organization outside that subtree is answered exactly like one that does not
 * exist.
 */
@ApplicationScoped
public class ManageableOrganizations {

    private final OrganizationRepository organizations;
    private final Caller caller;

    public ManageableOrganizations(OrganizationRepository organizations, Caller caller) {
        this.organizations = organizations;
        this.caller = caller;
    }

    /** The organization {@code id} (the caller's own when null) if it is in the caller's subtree; null otherwise. Needs a session. */
    public Uni<Organization> find(String id) {
        String wanted = id != null ? id : caller.organizationId();
        return organizations.findById(wanted)
                .map(organization -> organization != null && caller.canSee(organization.path) ? organization : null);
    }

    /** As {@link #find}, answering an organization outside the subtree with a 400 on {@code field}. */
    public Uni<Organization> require(String field, String id) {
        return find(id).onItem().ifNull().failWith(() -> ApiException.invalidField(field,
                "must be the id of your organization or one below it"));
    }
}
