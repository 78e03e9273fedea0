package dev.mercato.metering.ingest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/** A vendor's hourly usage report of one customer and listing ({@code write:metering}). */
@Path("/api/v1/metering")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Metering")
@PermissionsAllowed(Scopes.WRITE_METERING)
public class MeteringReportResource {

    static final String SHAPE = "metering";

    private final UsageIngestion ingestion;
    private final IngestRequests requests;
    private final IngestConfig config;
    private final Caller caller;

    public MeteringReportResource(UsageIngestion ingestion, IngestRequests requests, IngestConfig config, Caller caller) {
        this.ingestion = ingestion;
        this.requests = requests;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Report a customer's usage of a listing: one event per details.usages[] entry (apiKey is the "
            + "dimension, units the quantity), timed at the start of details.reportingDate (UTC) or at the instant it "
            + "gives. 200 once the accepted events are durable, with each one's outcome and the report's status; "
            + "503 with Retry-After when they could not be made durable")
    public Uni<ApiResponse<IngestResult>> report(MeteringReportRequest report, @Context HttpHeaders headers) {
        if (report == null) {
            throw ApiException.invalidField("body", "must be a usage report");
        }
        Reporter reporter = IngestRequests.reporter(caller);
        EventIds ids = requests.ids(reporter, SHAPE, headers, report);
        return ingestion.ingest(SHAPE, ids, IngestRequests.candidates(report, config.maxBatch(), ids), reporter)
                .map(ApiResponse::ok);
    }
}
