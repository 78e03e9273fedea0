package dev.mercato.metering.aggregate;

import java.time.Clock;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.platform.api.PageResponse;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/**
 * Usage added up from the hourly aggregates ({@code read:metering}). A tenant sees its own usage, a vendor
 * the usage of its listings, a partner or distributor that of its subtree, the platform all.
 */
@Path("/api/v1/usage/summary")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Usage")
@PermissionsAllowed(Scopes.READ_METERING)
public class UsageSummaryResource {

    private final Clock clock;
    private final UsageSummaries summaries;
    private final Caller caller;

    public UsageSummaryResource(UsageSummaries summaries, Caller caller, Clock clock) {
        this.clock = clock;
        this.summaries = summaries;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Usage per customer, listing, subscription and dimension in each hour, day or month (UTC) of "
            + "[from, to): parameters customer, dimension, listing, subscription, from, to (ISO time or date; default "
            + "the last 30 days), granularity (hour, day (default), month), page or offset, limit (at most 1000)")
    public Uni<PageResponse<UsageSummaryResponse>> summary(@Context UriInfo uri) {
        SummaryQuery query = SummaryQuery.parse(uri.getQueryParameters(), clock);
        return summaries.summarize(query, caller);
    }
}
