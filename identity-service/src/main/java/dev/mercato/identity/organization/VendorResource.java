package dev.mercato.identity.organization;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.platform.idempotency.IdempotentRequests;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import dev.mercato.platform.security.ScopesCheckedInCode;

/** Vendors (ISVs): they publish listings and plans and report metered usage. */
@Path("/api/v1/vendors")
@ScopesCheckedInCode(read = Scopes.READ_ORGANIZATIONS, write = Scopes.WRITE_ORGANIZATIONS)
@Tag(name = "Vendors")
public class VendorResource extends OrganizationEndpoints {

    public VendorResource(OrganizationService service, OrganizationRepository organizations, OrganizationMapper mapper,
            IdempotentRequests idempotency, Caller caller) {
        super(OrganizationKind.VENDOR, "/api/v1/vendors", service, organizations, mapper, idempotency, caller);
    }
}
