package dev.mercato.identity.organization;

import java.time.Clock;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.api.PageResponse;
import dev.mercato.platform.idempotency.IdempotentRequests;
import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.persistence.Listings.Visibility;
import dev.mercato.platform.query.ListQuery;
import dev.mercato.platform.query.QueryContext;
import dev.mercato.platform.query.QueryFields;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** Tenants (end customers): the organizations partners onboard and order for. */
@Path("/api/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Tenants")
public class TenantResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("name", "name")
            .string("externalId", "externalId")
            .string("customerNumber", "customerNumber")
            .string("countryCode", "countryCode")
            .string("segment", "segment")
            .string("parentId", "parentId")
            .string("currency", "currency")
            .enumeration("status", "status", OrganizationStatus.class)
            .integer("billingDay", "billingDay")
            .instant("createdAt", "createdAt")
            .instant("updatedAt", "updatedAt")
            .defaultSort("-createdAt")
            .tieBreaker("id")
            .build();

    private static final Visibility TENANTS = Visibility.of("kind = :kind", Map.of("kind", OrganizationKind.TENANT));

    private final OrganizationService service;
    private final OrganizationRepository organizations;
    private final OrganizationMapper mapper;
    private final IdempotentRequests idempotency;

    public TenantResource(OrganizationService service, OrganizationRepository organizations,
            OrganizationMapper mapper, IdempotentRequests idempotency) {
        this.service = service;
        this.organizations = organizations;
        this.mapper = mapper;
        this.idempotency = idempotency;
    }

    @POST
    public Uni<Response> create(@Valid @NotNull CreateTenantRequest request, @Context HttpHeaders headers) {
        return idempotency.once(headers, "POST /api/v1/tenants", request, () -> service.createTenant(request)
                .map(tenant -> Response.status(201).entity(ApiResponse.created(mapper.toResponse(tenant))).build()));
    }

    @GET
    @WithSession
    public Uni<PageResponse<OrganizationResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC()));
        return Listings.page(organizations, TENANTS, query, mapper::toResponse);
    }

    @GET
    @Path("/-dump")
    public Multi<OrganizationResponse> dump() {
        return Listings.dump(organizations, TENANTS, "id", organization -> organization.id, mapper::toResponse);
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<ApiResponse<OrganizationResponse>> get(@PathParam("id") String id) {
        return organizations.findOfKind(id, OrganizationKind.TENANT)
                .onItem().ifNull().failWith(() -> ApiException.notFound("tenant", id))
                .map(tenant -> ApiResponse.ok(mapper.toResponse(tenant)));
    }
}
