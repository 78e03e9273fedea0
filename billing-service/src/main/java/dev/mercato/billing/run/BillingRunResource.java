package dev.mercato.billing.run;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.idempotency.IdempotentRequests;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/**
 * Billing runs ({@code write:billing}, the platform's: a run bills every customer of the period). A run
 * bills a period once; the same period again changes nothing.
 */
@Path("/api/v1/billing-runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Billing runs")
@PermissionsAllowed(Scopes.WRITE_BILLING)
public class BillingRunResource {

    private final BillingRuns runs;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    public BillingRunResource(BillingRuns runs, IdempotentRequests idempotency, Caller caller) {
        this.runs = runs;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Bill a period (yyyy-MM, ended): one draft invoice per customer whose billing period of that "
            + "month has ended and that has none yet (finalized at once with finalize=true); with dryRun=true, every "
            + "invoice as it would be, nothing stored")
    public Uni<Response> run(@QueryParam("dryRun") String dryRun, @Valid @NotNull BillingRunRequest request,
            @Context HttpHeaders headers) {
        caller.requireWriter();
        if (!"PLATFORM".equals(caller.organizationKind())) {
            throw ApiException.forbidden("Only the platform runs billing");
        }
        boolean preview = flag(dryRun);
        var month = runs.endedMonth(request.period());
        boolean finalize = Boolean.TRUE.equals(request.finalizeInvoices());
        if (preview) {
            return runs.run(month, true, false).map(result -> Response.ok(ApiResponse.ok(result)).build());
        }
        return idempotency.once(headers, "POST /api/v1/billing-runs " + caller.clientId(), request,
                () -> runs.run(month, false, finalize).map(result -> Response.ok(ApiResponse.ok(result)).build()));
    }

    private static boolean flag(String value) {
        if (value == null || "false".equals(value)) {
            return false;
        }
        if ("true".equals(value)) {
            return true;
        }
        throw ApiException.invalidField("dryRun", "must be true or false");
    }
}
