package dev.mercato.order.subscription;

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
 * Subscriptions, read-only ({@code read:orders}); made and changed by processed orders, their status kept
 * current by date. A caller sees its own organization's customers' subscriptions and those below it.
 */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions")
@PermissionsAllowed(Scopes.READ_ORDERS)
public class SubscriptionResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("serialNumber", "serialNumber")
            .enumeration("status", "status", SubscriptionStatus.class)
            .date("startDate", "startDate")
            .date("endDate", "endDate")
            .string("opportunityNumber", "opportunityNumber")
            .string("contractNumber", "contractNumber")
            .date("contractEndDate", "contractEndDate")
            .string("customerId", "customer.id")
            .string("customerCsn", "customer.csn")
            .string("customerName", "customer.name")
            .string("resellerCsn", "channel.resellerCsn")
            .string("distributorCsn", "channel.distributorCsn")
            .string("renewalSku", "renewalSku")
            .string("productLineCode", "productLineCode")
            .enumeration("deployment", "deployment", Deployment.class)
            .enumeration("activationType", "activationType", ActivationType.class)
            .integer("quantity", "quantity")
            .integer("seats", "seats")
            .string("teamId", "teamId")
            .string("listingId", "listingId")
            .instant("createdAt", "createdAt")
            .instant("lastUpdated", "lastUpdated")
            .defaultSort("-createdAt")
            .tieBreaker("id")
            .build();

    static final String CUSTOMER_PATH = "customer.path";

    private final SubscriptionRepository subscriptions;
    private final SubscriptionMapper mapper;
    private final Caller caller;

    public SubscriptionResource(SubscriptionRepository subscriptions, SubscriptionMapper mapper, Caller caller) {
        this.subscriptions = subscriptions;
        this.mapper = mapper;
        this.caller = caller;
    }

    @GET
    @WithSession
    @Operation(summary = "List the subscriptions the caller may see. Filters and sort fields: id, serialNumber, "
            + "status, startDate, endDate, opportunityNumber, contractNumber, contractEndDate, customerId, customerCsn, "
            + "customerName, resellerCsn, distributorCsn, renewalSku, productLineCode, deployment, activationType, "
            + "quantity, seats, teamId, listingId, createdAt, lastUpdated")
    public Uni<PageResponse<SubscriptionResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC()));
        return Listings.page(subscriptions, caller.visibility(CUSTOMER_PATH), query, mapper::toResponse);
    }

    @GET
    @Path("/-dump")
    @Operation(summary = "Every subscription the caller may see, in id order")
    public Multi<SubscriptionResponse> dump() {
        return Listings.dump(subscriptions, caller.visibility(CUSTOMER_PATH), "id", subscription -> subscription.id,
                mapper::toResponse);
    }

    @GET
    @Path("/{serialNumber}")
    @WithSession
    @Operation(summary = "One subscription, by its serial number")
    public Uni<ApiResponse<SubscriptionResponse>> get(@PathParam("serialNumber") String serialNumber) {
        return subscriptions.findVisible(serialNumber, caller.visibility(CUSTOMER_PATH))
                .onItem().ifNull().failWith(() -> ApiException.notFound("subscription", serialNumber))
                .map(subscription -> ApiResponse.ok(mapper.toResponse(subscription)));
    }
}
