package dev.mercato.billing.analytics;

import java.time.Clock;
import java.time.YearMonth;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import dev.mercato.pricing.Currencies;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/** Recurring revenue ({@code read:analytics}): MRR, ARR and their movements per month within the caller's subtree. */
@Path("/api/v1/analytics/revenue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Revenue analytics")
@PermissionsAllowed(Scopes.READ_ANALYTICS)
public class RevenueResource {

    private final RevenueAnalytics analytics;
    private final Caller caller;
    private final Clock clock;

    public RevenueResource(RevenueAnalytics analytics, Caller caller, Clock clock) {
        this.analytics = analytics;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "MRR, ARR and new, expansion, contraction and churned MRR per month (from, to: yyyy-MM, at most "
            + "36 months, by default the last 12), per price currency and converted to a reporting currency (currency, "
            + "by default the caller organization's), for the customers in the caller's subtree or in customerId's")
    public Uni<ApiResponse<RevenueResponse>> revenue(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("currency") String currency, @QueryParam("customerId") String customerId) {
        if ("VENDOR".equals(caller.organizationKind())) {
            throw ApiException.forbidden("Revenue figures are given by customer subtree; a vendor's revenue by listing is "
                    + "not available");
        }
        RevenueRange range = RevenueRange.parse(from, to, YearMonth.now(clock));
        String reporting = currency == null ? null : Currencies.normalize(currency, "currency");
        return analytics.revenue(range, reporting, customerId, caller).map(ApiResponse::ok);
    }
}
