package dev.mercato.catalog.discount;

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

import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.api.PageResponse;
import dev.mercato.platform.idempotency.IdempotentRequests;
import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.query.ListQuery;
import dev.mercato.platform.query.QueryContext;
import dev.mercato.platform.query.QueryFields;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import dev.mercato.pricing.Discount.DiscountType;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Discounts: read with {@code read:catalog} (owners and those above them see theirs, everyone sees the
 * automatic ones), managed with {@code write:catalog}, redeemed with {@code write:orders}.
 */
@Path("/api/v1/discounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Discounts")
@PermissionsAllowed(Scopes.READ_CATALOG)
public class DiscountResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("ownerId", "ownerId")
            .enumeration("type", "type", DiscountType.class)
            .string("code", "code")
            .string("currency", "currency")
            .date("startDate", "startDate")
            .date("expirationDate", "expirationDate")
            .integer("redemptions", "redemptions")
            .integer("maxRedemptions", "maxRedemptions")
            .bool("autoApply", "autoApply")
            .bool("retainable", "retainable")
            .enumeration("redemptionRestriction", "redemptionRestriction", RedemptionRestriction.class)
            .instant("createdAt", "createdAt")
            .instant("updatedAt", "updatedAt")
            .defaultSort("-createdAt")
            .tieBreaker("id")
            .build();

    private final DiscountService service;
    private final DiscountRepository discounts;
    private final DiscountMapper mapper;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public DiscountResource(DiscountService service, DiscountRepository discounts, DiscountMapper mapper,
            IdempotentRequests idempotency, Caller caller) {
        this.service = service;
        this.discounts = discounts;
        this.mapper = mapper;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @PermissionsAllowed(Scopes.WRITE_CATALOG)
    public Uni<Response> create(@Valid @NotNull CreateDiscountRequest request, @Context HttpHeaders headers) {
        String scope = "POST /api/v1/discounts " + caller.clientId();
        return idempotency.once(headers, scope, request, () -> service.create(request, caller)
                .map(created -> Response.status(201).entity(ApiResponse.created(mapper.toResponse(created))).build()));
    }

    @GET
    @WithSession
    public Uni<PageResponse<DiscountResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS,
                QueryContext.of(Clock.systemUTC()).withMe(caller.organizationId()));
        return Listings.page(discounts, service.readable(caller), query, mapper::toResponse);
    }

    @GET
    @Path("/-dump")
    public Multi<DiscountResponse> dump() {
        return Listings.dump(discounts, service.readable(caller), "id", discount -> discount.id, mapper::toResponse);
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<ApiResponse<DiscountResponse>> get(@PathParam("id") String id) {
        return service.visible(id, caller).map(discount -> ApiResponse.ok(mapper.toResponse(discount)));
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed(Scopes.WRITE_CATALOG)
    public Uni<ApiResponse<DiscountResponse>> update(@PathParam("id") String id,
            @Valid @NotNull UpdateDiscountRequest request) {
        return service.update(id, request, caller).map(discount -> ApiResponse.ok(mapper.toResponse(discount)));
    }

    @POST
    @Path("/{id}/redemptions")
    @PermissionsAllowed(Scopes.WRITE_ORDERS)
    public Uni<Response> redeem(@PathParam("id") String id, @Valid @NotNull RedeemDiscountRequest request,
            @Context HttpHeaders headers) {
        String scope = "POST /api/v1/discounts/" + id + "/redemptions " + caller.clientId();
        return idempotency.once(headers, scope, request, () -> service.redeem(id, request, caller)
                .map(redeemed -> Response.status(201).entity(ApiResponse.created(redeemed)).build()));
    }
}
