package dev.mercato.identity.organization;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.platform.idempotency.IdempotentRequests;
import dev.mercato.platform.security.Caller;

/** Tenants (end customers): the organizations partners onboard and order for. */
@Path("/api/v1/tenants")
@Tag(name = "Tenants")
public class TenantResource extends OrganizationEndpoints {

    public TenantResource(OrganizationService service, OrganizationRepository organizations, OrganizationMapper mapper,
            IdempotentRequests idempotency, Caller caller) {
        super(OrganizationKind.TENANT, "/api/v1/tenants", service, organizations, mapper, idempotency, caller);
    }
}
