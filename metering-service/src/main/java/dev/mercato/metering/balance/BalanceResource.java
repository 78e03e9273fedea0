package dev.mercato.metering.balance;

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
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/**
 * A customer's prepaid token balances ({@code read:metering}): the customer itself, its partner and distributor
 * and the platform see every balance; a vendor sees the balance of its own tokens.
 */
@Path("/api/v1/balances")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Balances")
@PermissionsAllowed(Scopes.READ_METERING)
public class BalanceResource {

    private final Balances balances;
    private final Caller caller;

    public BalanceResource(Balances balances, Caller caller) {
        this.balances = balances;
        this.caller = caller;
    }

    @GET
    @Path("/{customer}")
    @Operation(summary = "A customer's token balances per vendor: purchased, consumed, balance, consumption of the last "
            + "7 and 30 days, daily history, average daily rate and projected run-out date. Takes no parameters")
    public Uni<ApiResponse<BalanceResponse>> get(@PathParam("customer") String customer, @Context UriInfo uri) {
        uri.getQueryParameters().keySet().stream().findFirst().ifPresent(parameter -> {
            throw ApiException.invalidField(parameter, "is not a parameter of this endpoint");
        });
        return balances.of(customer, caller).map(ApiResponse::ok);
    }
}
