package dev.mercato.order.entitlement;

import java.time.Clock;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.order.subscription.SubscriptionStatus;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.api.PageResponse;
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
 * Entitlements, read-only ({@code read:entitlements}): what each customer may use, derived from its
 * subscriptions. A caller sees its own organization's customers' entitlements and those below it.
 */
@Path("/api/v1/entitlements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Entitlements")
@PermissionsAllowed(Scopes.READ_ENTITLEMENTS)
public class EntitlementResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("customerId", "customer.id")
            .string("customerCsn", "customer.csn")
            .string("customerName", "customer.name")
            .string("listingId", "listingId")
            .string("sku", "sku")
            .enumeration("status", "status", SubscriptionStatus.class)
            .integer("seats", "seats")
            .date("startDate", "startDate")
            .date("endDate", "endDate")
            .instant("createdAt", "createdAt")
            .instant("lastUpdated", "lastUpdated")
            .defaultSort("-createdAt")
            .tieBreaker("id")
            .build();

    static final String CUSTOMER_PATH = "customer.path";

    private final EntitlementRepository entitlements;
    private final EntitlementMapper mapper;
    private final Caller caller;

    public EntitlementResource(EntitlementRepository entitlements, EntitlementMapper mapper, Caller caller) {
        this.entitlements = entitlements;
        this.mapper = mapper;
        this.caller = caller;
    }

    @GET
    @WithSession
    @Operation(summary = "List the entitlements the caller may see. Filters and sort fields: id, customerId, customerCsn, "
            + "customerName, listingId, sku, status, seats, startDate, endDate, createdAt, lastUpdated")
    public Uni<PageResponse<EntitlementResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC()));
        return Listings.page(entitlements, caller.visibility(CUSTOMER_PATH), query, mapper::toResponse);
    }

    @GET
    @Path("/-dump")
    @Operation(summary = "Every entitlement the caller may see, in id order")
    public Multi<EntitlementResponse> dump() {
        return Listings.dump(entitlements, caller.visibility(CUSTOMER_PATH), "id", entitlement -> entitlement.id,
                mapper::toResponse);
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "One entitlement, by its id")
    public Uni<ApiResponse<EntitlementResponse>> get(@PathParam("id") String id) {
        return entitlements.findVisible(id, caller.visibility(CUSTOMER_PATH))
                .onItem().ifNull().failWith(() -> ApiException.notFound("entitlement", id))
                .map(entitlement -> ApiResponse.ok(mapper.toResponse(entitlement)));
    }
}
