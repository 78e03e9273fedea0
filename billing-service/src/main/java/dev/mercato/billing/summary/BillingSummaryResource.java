package dev.mercato.billing.summary;

import java.time.YearMonth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.billing.rating.BillingPeriod;
import dev.mercato.billing.run.BillingSummaries;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/** Billing summaries ({@code read:billing}) of a customer or a subscription the caller may see, for a period. */
@Path("/api/v1/billing/summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Billing summary")
@PermissionsAllowed(Scopes.READ_BILLING)
public class BillingSummaryResource {

    private final BillingSummaries summaries;
    private final Caller caller;

    public BillingSummaryResource(BillingSummaries summaries, Caller caller) {
        this.summaries = summaries;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Charges by kind, usage by dimension, discounts and totals of one customer (customerId) or one "
            + "subscription (subscriptionId) for a period (yyyy-MM, not in the future), rated from the current read models")
    public Uni<ApiResponse<BillingSummaryResponse>> summary(@QueryParam("period") String period,
            @QueryParam("customerId") String customerId, @QueryParam("subscriptionId") String subscriptionId) {
        YearMonth month = BillingPeriod.parseMonth(period);
        if (month == null) {
            throw ApiException.invalidField("period", "is required: a month as yyyy-MM, such as 2026-10");
        }
        if ((customerId == null) == (subscriptionId == null)) {
            throw ApiException.invalidField(customerId == null ? "customerId" : "subscriptionId",
                    "give exactly one of customerId and subscriptionId");
        }
        return summaries.summarize(month, customerId, subscriptionId, caller).map(ApiResponse::ok);
    }
}
