package dev.mercato.identity.organization;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.platform.idempotency.IdempotentRequests;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import dev.mercato.platform.security.ScopesCheckedInCode;

/** Customers: another name for tenants; the same organizations as /api/v1/tenants. */
@Path("/api/v1/customers")
@ScopesCheckedInCode(read = Scopes.READ_CUSTOMERS, write = Scopes.WRITE_CUSTOMERS)
@Tag(name = "Customers")
public class CustomerResource extends OrganizationEndpoints {

    public CustomerResource(OrganizationService service, OrganizationRepository organizations, OrganizationMapper mapper,
            IdempotentRequests idempotency, Caller caller) {
        super(OrganizationKind.TENANT, "/api/v1/customers", service, organizations, mapper, idempotency, caller);
    }
}
