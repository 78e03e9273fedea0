package dev.mercato.order.transaction;

import java.time.Clock;
import java.util.Arrays;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.platform.api.ApiException;
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
 * Transactions (orders): placed with {@code write:orders}, read with {@code read:orders}. A transaction is seen
 * by its customer and the organizations above it (the partner that placed it, its distributor, the platform);
 * anyone else gets 404.
 */
@Path("/api/v1/transactions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Transactions")
@PermissionsAllowed(Scopes.READ_ORDERS)
public class TransactionResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .enumeration("status", "status", TransactionStatus.class)
            .enumeration("orderType", "orderType", OrderType.class)
            .string("customerId", "customerId")
            .string("customerCsn", "customerCsn")
            .string("resellerCsn", "resellerCsn")
            .string("contractNumber", "contractNumber")
            .string("opportunityNumber", "opportunityNumber")
            .string("purchaseOrderNumber", "purchaseOrderNumber")
            .string("currency", "currency")
            .decimal("price", "price")
            .instant("creationDate", "createdAt")
            .instant("updatedAt", "updatedAt")
            .defaultSort("-creationDate")
            .tieBreaker("id")
            .build();

    private static final String TYPES = Arrays.stream(OrderType.values()).map(Enum::name).collect(Collectors.joining(", "));

    private final TransactionService service;
    private final DryRuns dryRuns;
    private final TransactionRepository transactions;
    private final TransactionMapper mapper;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public TransactionResource(TransactionService service, DryRuns dryRuns, TransactionRepository transactions,
            TransactionMapper mapper, IdempotentRequests idempotency, Caller caller) {
        this.service = service;
        this.dryRuns = dryRuns;
        this.transactions = transactions;
        this.mapper = mapper;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @WithSession
    @Operation(summary = "List the transactions the caller may see. Filters and sort fields: id, status, orderType, "
            + "customerId, customerCsn, resellerCsn, contractNumber, opportunityNumber, purchaseOrderNumber, currency, "
            + "price, creationDate, updatedAt")
    public Uni<PageResponse<TransactionResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC()));
        return Listings.page(transactions, caller.visibility(TransactionService.VISIBLE_BY), query, mapper::toResponse);
    }

    @GET
    @Path("/-dump")
    @Operation(summary = "Every transaction the caller may see, in id order")
    public Multi<TransactionResponse> dump() {
        return Listings.dump(transactions, caller.visibility(TransactionService.VISIBLE_BY), "id", t -> t.id,
                mapper::toResponse);
    }

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<ApiResponse<TransactionResponse>> get(@PathParam("id") String id) {
        return service.visible(id, caller).map(transaction -> ApiResponse.ok(mapper.toResponse(transaction)));
    }

    @POST
    @PermissionsAllowed(Scopes.WRITE_ORDERS)
    @Operation(summary = "Place an order of a type (INITIAL, RENEWAL, ADD_SEAT, ADD_PRODUCT, EXTEND, "
            + "MULTI_USER_TRADE_IN, S2S): 202 with the transaction PENDING; with dryRun=true, 200 with the "
            + "transaction as it would be placed and the contract and subscriptions as processing would leave them, "
            + "and nothing stored")
    public Uni<Response> place(@QueryParam("type") String type, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @Valid @NotNull PlaceOrderRequest request, @Context HttpHeaders headers) {
        OrderType orderType = orderType(type);
        if (dryRun) {
            return dryRuns.run(orderType, request, caller).map(outcome -> Response.ok(ApiResponse.ok(outcome)).build());
        }
        String scope = "POST /api/v1/transactions?type=" + orderType + " " + caller.clientId();
        return idempotency.once(headers, scope, request, () -> service.place(orderType, request, false, caller)
                .map(placed -> Response.accepted(new ApiResponse<>(202, mapper.toResponse(placed))).build()));
    }

    @POST
    @Path("/{id}/retry")
    @Consumes(MediaType.WILDCARD) // no body
    @PermissionsAllowed(Scopes.WRITE_ORDERS)
    @Operation(summary = "Run a STUCK transaction again: 202 with it PENDING; its effect is applied at most once")
    public Uni<Response> retry(@PathParam("id") String id) {
        return service.retry(id, caller)
                .map(transaction -> Response.accepted(new ApiResponse<>(202, mapper.toResponse(transaction))).build());
    }

    private static OrderType orderType(String type) {
        if (type == null) {
            throw ApiException.invalidField("type", "is required: one of " + TYPES);
        }
        try {
            return OrderType.valueOf(type);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("type", "must be one of " + TYPES);
        }
    }
}
