package dev.mercato.order.opportunity;

import java.time.Clock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

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
 * Renewal opportunities ({@code read:orders}; {@code write:orders} to change the sales status). Addressed by
 * id or current opportunity number. A caller sees its own organization's customers' opportunities and those
 * below it; any other answers 404.
 */
@Path("/api/v1/opportunities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Opportunities")
@PermissionsAllowed(Scopes.READ_ORDERS)
public class OpportunityResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("opportunityNumber", "opportunityNumber")
            .string("contractNumber", "contractNumber")
            .enumeration("salesStatus", "salesStatus", SalesStatus.class)
            .date("subscriptionEndDate", "subscriptionEndDate")
            .string("customerId", "customer.id")
            .string("customerCsn", "customer.csn")
            .string("customerName", "customer.name")
            .string("resellerCsn", "channel.resellerCsn")
            .string("distributorCsn", "channel.distributorCsn")
            .integer("totalQuantity", "totalQuantity")
            .integer("totalSeats", "totalSeats")
            .instant("closedAt", "closedAt")
            .instant("createdAt", "createdAt")
            .instant("lastUpdated", "lastUpdated")
            .defaultSort("-createdAt")
            .tieBreaker("id")
            .build();

    static final String CUSTOMER_PATH = "customer.path";

    private final OpportunityService service;
    private final OpportunityRepository opportunities;
    private final OpportunityMapper mapper;
    private final Caller caller;

    public OpportunityResource(OpportunityService service, OpportunityRepository opportunities,
            OpportunityMapper mapper, Caller caller) {
        this.service = service;
        this.opportunities = opportunities;
        this.mapper = mapper;
        this.caller = caller;
    }

    @GET
    @WithSession
    @Operation(summary = "List the opportunities the caller may see. Filters and sort fields: id, opportunityNumber, "
            + "contractNumber, salesStatus, subscriptionEndDate, customerId, customerCsn, customerName, resellerCsn, "
            + "distributorCsn, totalQuantity, totalSeats, closedAt, createdAt, lastUpdated")
    public Uni<PageResponse<OpportunityResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC()));
        return Listings.page(opportunities, caller.visibility(CUSTOMER_PATH), query, mapper::toResponse);
    }

    @GET
    @Path("/-dump")
    @Operation(summary = "Every opportunity the caller may see, in id order")
    public Multi<OpportunityResponse> dump() {
        return Listings.dump(opportunities, caller.visibility(CUSTOMER_PATH), "id", opportunity -> opportunity.id,
                mapper::toResponse);
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "One opportunity, by its id or its current opportunity number")
    public Uni<ApiResponse<OpportunityResponse>> get(@PathParam("id") String id) {
        return service.visible(id, caller).map(opportunity -> ApiResponse.ok(mapper.toResponse(opportunity)));
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed(Scopes.WRITE_ORDERS)
    @Operation(summary = "Change an opportunity's sales status")
    public Uni<ApiResponse<OpportunityResponse>> update(@PathParam("id") String id,
            @Valid @NotNull UpdateOpportunityRequest request) {
        return service.changeSalesStatus(id, request, caller)
                .map(opportunity -> ApiResponse.ok(mapper.toResponse(opportunity)));
    }
}
