package dev.mercato.identity.organization;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.platform.idempotency.IdempotentRequests;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import dev.mercato.platform.security.ScopesCheckedInCode;

/** Distributors (VADs): they manage partners and earn commission on their sales. */
@Path("/api/v1/distributors")
@ScopesCheckedInCode(read = Scopes.READ_ORGANIZATIONS, write = Scopes.WRITE_ORGANIZATIONS)
@Tag(name = "Distributors")
public class DistributorResource extends OrganizationEndpoints {

    public DistributorResource(OrganizationService service, OrganizationRepository organizations, OrganizationMapper mapper,
            IdempotentRequests idempotency, Caller caller) {
        super(OrganizationKind.DISTRIBUTOR, "/api/v1/distributors", service, organizations, mapper, idempotency, caller);
    }
}
