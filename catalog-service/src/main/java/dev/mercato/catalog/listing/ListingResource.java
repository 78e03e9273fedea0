package dev.mercato.catalog.listing;

import java.time.Clock;

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
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Listings and their metered dimensions. Every role with {@code read:catalog} reads every listing; a
 * vendor changes its own ({@code write:catalog}), the platform operator any.
 */
@Path("/api/v1/listings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Listings")
@PermissionsAllowed(Scopes.READ_CATALOG)
public class ListingResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("vendor", "marketplace")
            .string("vendorId", "ownerId")
            .string("name", "name")
            .string("productCode", "productCode")
            .string("currency", "currency")
            .enumeration("status", "status", ListingStatus.class)
            .instant("createdAt", "createdAt")
            .instant("updatedAt", "updatedAt")
            .defaultSort("-createdAt")
            .tieBreaker("id")
            .build();

    private final ListingService service;
    private final ListingRepository listings;
    private final ListingMapper mapper;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public ListingResource(ListingService service, ListingRepository listings, ListingMapper mapper,
            IdempotentRequests idempotency, Caller caller) {
        this.service = service;
        this.listings = listings;
        this.mapper = mapper;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @WithSession
    public Uni<PageResponse<ListingResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC()));
        return Listings.page(listings, Visibility.ALL, query, mapper::toResponse);
    }

    @GET
    @Path("/-dump")
    public Multi<ListingResponse> dump() {
        return Listings.dump(listings, Visibility.ALL, "id", listing -> listing.id, mapper::toResponse);
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<ApiResponse<ListingResponse>> get(@PathParam("id") String id) {
        return listings.findById(id)
                .onItem().ifNull().failWith(() -> ApiException.notFound("listing", id))
                .map(listing -> ApiResponse.ok(mapper.toResponse(listing)));
    }

    @POST
    @PermissionsAllowed(Scopes.WRITE_CATALOG)
    public Uni<Response> create(@Valid @NotNull CreateListingRequest request, @Context HttpHeaders headers) {
        String scope = "POST /api/v1/listings " + caller.clientId();
        return idempotency.once(headers, scope, request, () -> service.create(request, caller)
                .map(created -> Response.status(201).entity(ApiResponse.created(mapper.toResponse(created))).build()));
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed(Scopes.WRITE_CATALOG)
    public Uni<ApiResponse<ListingResponse>> update(@PathParam("id") String id,
            @Valid @NotNull UpdateListingRequest request) {
        return service.update(id, request, caller).map(listing -> ApiResponse.ok(mapper.toResponse(listing)));
    }

    @POST
    @Path("/{id}/dimensions")
    @PermissionsAllowed(Scopes.WRITE_CATALOG)
    public Uni<Response> addDimension(@PathParam("id") String id, @Valid @NotNull DimensionRequest request) {
        return service.addDimension(id, request, caller)
                .map(listing -> Response.status(201).entity(ApiResponse.created(mapper.toResponse(listing))).build());
    }

    @PATCH
    @Path("/{id}/dimensions/{key}")
    @PermissionsAllowed(Scopes.WRITE_CATALOG)
    public Uni<ApiResponse<ListingResponse>> changeDimension(@PathParam("id") String id,
            @PathParam("key") String key, @Valid @NotNull UpdateDimensionRequest request) {
        return service.changeDimension(id, key, request, caller).map(listing -> ApiResponse.ok(mapper.toResponse(listing)));
    }

    @POST
    @Path("/{id}/dimensions/{key}/retire")
    @Consumes(MediaType.WILDCARD) // no body
    @PermissionsAllowed(Scopes.WRITE_CATALOG)
    public Uni<ApiResponse<ListingResponse>> retireDimension(@PathParam("id") String id, @PathParam("key") String key) {
        return service.retireDimension(id, key, caller).map(listing -> ApiResponse.ok(mapper.toResponse(listing)));
    }
}
