package dev.mercato.identity.organization;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.platform.idempotency.IdempotentRequests;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import dev.mercato.platform.security.ScopesCheckedInCode;

/** Tenants (end customers): the organizations partners onboard and order for. */
@Path("/api/v1/tenants")
@ScopesCheckedInCode(read = Scopes.READ_CUSTOMERS, write = Scopes.WRITE_CUSTOMERS)
@Tag(name = "Tenants")
public class TenantResource extends OrganizationEndpoints {

    public TenantResource(OrganizationService service, OrganizationRepository organizations, OrganizationMapper mapper,
            IdempotentRequests idempotency, Caller caller) {
        super(OrganizationKind.TENANT, "/api/v1/tenants", service, organizations, mapper, idempotency, caller);
    }
}
