package dev.mercato.catalog.offer;

import java.time.Clock;
import java.util.function.BiFunction;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.api.PageResponse;
import dev.mercato.platform.idempotency.IdempotentRequests;
import dev.mercato.platform.persistence.Listings;
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
 * Private offers ({@code read:private-offers}, {@code write:private-offers}). The vendor that owns an offer
 * and the platform operator see it from the start; the customer it is addressed to and the organizations
 * above it see it once sent. Anyone else gets 404.
 */
@Path("/api/v1/private-offers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Private offers")
@PermissionsAllowed(Scopes.READ_PRIVATE_OFFERS)
public class PrivateOfferResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .enumeration("status", "status", OfferStatus.class)
            .string("vendor", "marketplace")
            .string("vendorId", "ownerId")
            .string("listing", "listingId")
            .string("customer", "customerId")
            .decimal("discountPercentage", "discountPercentage")
            .integer("duration", "durationMonths")
            .instant("expiresAt", "expiresAt")
            .instant("createdAt", "createdAt")
            .instant("updatedAt", "updatedAt")
            .defaultSort("-createdAt")
            .tieBreaker("id")
            .build();

    private final PrivateOfferService service;
    private final PrivateOfferRepository offers;
    private final PrivateOfferMapper mapper;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public PrivateOfferResource(PrivateOfferService service, PrivateOfferRepository offers, PrivateOfferMapper mapper,
            IdempotentRequests idempotency, Caller caller) {
        this.service = service;
        this.offers = offers;
        this.mapper = mapper;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @WithSession
    @Operation(summary = "List the offers the caller may see. Filters and sort fields: id, status, vendor (the "
            + "marketplace), vendorId, listing, customer, discountPercentage, duration, expiresAt, createdAt, updatedAt")
    public Uni<PageResponse<PrivateOfferResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC()));
        return Listings.page(offers, PrivateOfferService.visibility(caller), query, mapper::toResponse);
    }

    @GET
    @Path("/-dump")
    @Operation(summary = "Every offer the caller may see, in id order")
    public Multi<PrivateOfferResponse> dump() {
        return Listings.dump(offers, PrivateOfferService.visibility(caller), "id", offer -> offer.id, mapper::toResponse);
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<ApiResponse<PrivateOfferResponse>> get(@PathParam("id") String id) {
        return service.visible(id, caller).map(offer -> ApiResponse.ok(mapper.toResponse(offer)));
    }

    @POST
    @PermissionsAllowed(Scopes.WRITE_PRIVATE_OFFERS)
    @Operation(summary = "Create a draft offer on a listing the caller manages, for a customer (tenant)")
    public Uni<Response> create(@Valid @NotNull CreatePrivateOfferRequest request, @Context HttpHeaders headers) {
        String scope = "POST /api/v1/private-offers " + caller.clientId();
        return idempotency.once(headers, scope, request, () -> service.create(request, caller)
                .map(created -> Response.status(201).entity(ApiResponse.created(mapper.toResponse(created))).build()));
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed(Scopes.WRITE_PRIVATE_OFFERS)
    @Operation(summary = "Change a draft offer")
    public Uni<ApiResponse<PrivateOfferResponse>> update(@PathParam("id") String id,
            @Valid @NotNull UpdatePrivateOfferRequest request) {
        return service.update(id, request, caller).map(offer -> ApiResponse.ok(mapper.toResponse(offer)));
    }

    @POST
    @Path("/{id}/send")
    @Consumes(MediaType.WILDCARD) // no body
    @PermissionsAllowed(Scopes.WRITE_PRIVATE_OFFERS)
    @Operation(summary = "Send a draft offer to its customer")
    public Uni<ApiResponse<PrivateOfferResponse>> send(@PathParam("id") String id) {
        return transition(id, service::send);
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.WILDCARD) // no body
    @PermissionsAllowed(Scopes.WRITE_PRIVATE_OFFERS)
    @Operation(summary = "Accept a sent offer, as its customer or an organization above it")
    public Uni<ApiResponse<PrivateOfferResponse>> accept(@PathParam("id") String id) {
        return transition(id, service::accept);
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.WILDCARD) // no body
    @PermissionsAllowed(Scopes.WRITE_PRIVATE_OFFERS)
    @Operation(summary = "Decline a sent offer, as its customer or an organization above it")
    public Uni<ApiResponse<PrivateOfferResponse>> decline(@PathParam("id") String id) {
        return transition(id, service::decline);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD) // no body
    @PermissionsAllowed(Scopes.WRITE_PRIVATE_OFFERS)
    @Operation(summary = "Withdraw a draft or sent offer, as its vendor")
    public Uni<ApiResponse<PrivateOfferResponse>> cancel(@PathParam("id") String id) {
        return transition(id, service::cancel);
    }

    private Uni<ApiResponse<PrivateOfferResponse>> transition(String id,
            BiFunction<String, Caller, Uni<PrivateOffer>> action) {
        return action.apply(id, caller).map(offer -> ApiResponse.ok(mapper.toResponse(offer)));
    }
}
