package dev.mercato.identity.organization;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.platform.idempotency.IdempotentRequests;
import dev.mercato.platform.security.Caller;

/** Vendors (ISVs): they publish listings and plans and report metered usage. */
@Path("/api/v1/vendors")
@Tag(name = "Vendors")
public class VendorResource extends OrganizationEndpoints {

    public VendorResource(OrganizationService service, OrganizationRepository organizations, OrganizationMapper mapper,
            IdempotentRequests idempotency, Caller caller) {
        super(OrganizationKind.VENDOR, "/api/v1/vendors", service, organizations, mapper, idempotency, caller);
    }
}
