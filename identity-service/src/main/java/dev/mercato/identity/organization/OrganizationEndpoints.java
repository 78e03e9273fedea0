package dev.mercato.identity.organization;

import java.time.Clock;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.api.PageResponse;
import dev.mercato.platform.idempotency.IdempotentRequests;
import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.persistence.Listings.Visibility;
import dev.mercato.platform.query.ListQuery;
import dev.mercato.platform.query.QueryContext;
import dev.mercato.platform.query.QueryFields;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.ScopesCheckedInCode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The endpoints every kind of organization has — create, list, get, change, dump — limited to the
 * caller's part of the tree and to the kind's read/write scopes. One subclass per collection path.
 */
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public abstract class OrganizationEndpoints {

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

    private final OrganizationKind kind;
    private final String collectionPath;
    private final OrganizationService service;
    private final OrganizationRepository organizations;
    private final OrganizationMapper mapper;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    protected OrganizationEndpoints(OrganizationKind kind, String collectionPath, OrganizationService service,
            OrganizationRepository organizations, OrganizationMapper mapper, IdempotentRequests idempotency,
            Caller caller) {
        this.kind = kind;
        requireDocumentedScopes(kind);
        this.collectionPath = collectionPath;
        this.service = service;
        this.organizations = organizations;
        this.mapper = mapper;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    public Uni<Response> create(@Valid @NotNull CreateOrganizationRequest request, @Context HttpHeaders headers) {
        String scope = "POST " + collectionPath + " " + caller.clientId();
        return idempotency.once(headers, scope, request, () -> service.create(kind, request, caller)
                .map(created -> Response.status(201).entity(ApiResponse.created(mapper.toResponse(created))).build()));
    }

    @GET
    @WithSession
    public Uni<PageResponse<OrganizationResponse>> list(@Context UriInfo uri) {
        caller.requireScope(kind.readScope());
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS,
                QueryContext.of(Clock.systemUTC()).withMe(caller.organizationId()));
        return Listings.page(organizations, visibleOfKind(), query, mapper::toResponse);
    }

    @GET
    @Path("/-dump")
    public Multi<OrganizationResponse> dump() {
        caller.requireScope(kind.readScope());
        return Listings.dump(organizations, visibleOfKind(), "id", organization -> organization.id, mapper::toResponse);
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<ApiResponse<OrganizationResponse>> get(@PathParam("id") String id) {
        return service.visible(kind, id, caller).map(organization -> ApiResponse.ok(mapper.toResponse(organization)));
    }

    @PATCH
    @Path("/{id}")
    public Uni<ApiResponse<OrganizationResponse>> update(@PathParam("id") String id,
            @Valid @NotNull UpdateOrganizationRequest request) {
        return service.update(kind, id, request, caller).map(organization -> ApiResponse.ok(mapper.toResponse(organization)));
    }

    /**
     * The scopes this collection names for its OpenAPI document ({@link ScopesCheckedInCode} on the subclass) must be
     * the ones the code checks, the kind's: a subclass that names others does not start.
     */
    private void requireDocumentedScopes(OrganizationKind kind) {
        ScopesCheckedInCode declared = null;
        for (Class<?> type = getClass(); declared == null && type != null; type = type.getSuperclass()) {
            declared = type.getAnnotation(ScopesCheckedInCode.class);
        }
        if (declared == null || !declared.read().equals(kind.readScope()) || !declared.write().equals(kind.writeScope())) {
            throw new IllegalStateException(getClass().getName() + " must declare @ScopesCheckedInCode(read = \""
                    + kind.readScope() + "\", write = \"" + kind.writeScope() + "\")");
        }
    }

    private Visibility visibleOfKind() {
        Visibility tree = caller.visibility("path");
        Map<String, Object> parameters = new java.util.HashMap<>(tree.parameters());
        parameters.put("kind", kind);
        return Visibility.of("kind = :kind and (" + tree.condition() + ")", parameters);
    }
}
