package dev.mercato.order.contract;

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
 * Contracts, read-only ({@code read:orders}); made and changed by processed orders. A caller sees the
 * contracts of its own organization's customers and those below it; any other answers 404.
 */
@Path("/api/v1/contracts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Contracts")
@PermissionsAllowed(Scopes.READ_ORDERS)
public class ContractResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("contractNumber", "contractNumber")
            .enumeration("contractType", "contractType", ContractType.class)
            .date("contractStartDate", "contractStartDate")
            .date("contractEndDate", "contractEndDate")
            .integer("contractTerm", "contractTerm")
            .integer("contractRenewalCounter", "contractRenewalCounter")
            .string("customerId", "customer.id")
            .string("customerCsn", "customer.csn")
            .string("customerName", "customer.name")
            .string("resellerCsn", "channel.resellerCsn")
            .string("distributorCsn", "channel.distributorCsn")
            .string("contractManagerEmail", "contractManager.email")
            .integer("totalQuantity", "totalQuantity")
            .integer("totalSeats", "totalSeats")
            .instant("createdAt", "createdAt")
            .instant("lastUpdated", "lastUpdated")
            .defaultSort("-createdAt")
            .tieBreaker("id")
            .build();

    /** The contract attribute holding its customer's organization path. */
    static final String CUSTOMER_PATH = "customer.path";

    private final ContractRepository contracts;
    private final ContractService service;
    private final ContractMapper mapper;
    private final Caller caller;

    public ContractResource(ContractRepository contracts, ContractService service, ContractMapper mapper,
            Caller caller) {
        this.contracts = contracts;
        this.service = service;
        this.mapper = mapper;
        this.caller = caller;
    }

    @GET
    @WithSession
    @Operation(summary = "List the contracts the caller may see. Filters and sort fields: id, contractNumber, "
            + "contractType, contractStartDate, contractEndDate, contractTerm, contractRenewalCounter, customerId, "
            + "customerCsn, customerName, resellerCsn, distributorCsn, contractManagerEmail, totalQuantity, "
            + "totalSeats, createdAt, lastUpdated")
    public Uni<PageResponse<ContractResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC()));
        return Listings.page(contracts, caller.visibility(CUSTOMER_PATH), query, mapper::toResponse);
    }

    @GET
    @Path("/-dump")
    @Operation(summary = "Every contract the caller may see, in id order")
    public Multi<ContractResponse> dump() {
        return Listings.dump(contracts, caller.visibility(CUSTOMER_PATH), "id", contract -> contract.id,
                mapper::toResponse);
    }

    @GET
    @Path("/{contractNumber}")
    @WithSession
    @Operation(summary = "One contract, by its contract number")
    public Uni<ApiResponse<ContractResponse>> get(@PathParam("contractNumber") String contractNumber) {
        return visible(contractNumber).map(contract -> ApiResponse.ok(mapper.toResponse(contract)));
    }

    @GET
    @Path("/{contractNumber}/coterm-dates")
    @WithSession
    @Operation(summary = "The end dates the contract may be extended to: those of its customer's other running "
            + "contracts that end later")
    public Uni<ApiResponse<CotermDatesResponse>> cotermDates(@PathParam("contractNumber") String contractNumber) {
        return visible(contractNumber).chain(contract -> service.cotermDates(contractNumber)
                .map(dates -> ApiResponse.ok(new CotermDatesResponse(contract.contractNumber, contract.contractEndDate,
                        dates))));
    }

    private Uni<Contract> visible(String contractNumber) {
        return contracts.findVisible(contractNumber, caller.visibility(CUSTOMER_PATH))
                .onItem().ifNull().failWith(() -> ApiException.notFound("contract", contractNumber));
    }
}
