package dev.mercato.identity.organization;

import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.platform.idempotency.IdempotentRequests;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import dev.mercato.platform.security.ScopesCheckedInCode;

/** Partners (resellers, VARs): they onboard tenants and order for them. */
@Path("/api/v1/partners")
@ScopesCheckedInCode(read = Scopes.READ_ORGANIZATIONS, write = Scopes.WRITE_ORGANIZATIONS)
@Tag(name = "Partners")
public class PartnerResource extends OrganizationEndpoints {

    public PartnerResource(OrganizationService service, OrganizationRepository organizations, OrganizationMapper mapper,
            IdempotentRequests idempotency, Caller caller) {
        super(OrganizationKind.PARTNER, "/api/v1/partners", service, organizations, mapper, idempotency, caller);
    }
}
