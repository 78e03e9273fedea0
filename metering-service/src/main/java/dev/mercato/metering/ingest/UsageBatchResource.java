package dev.mercato.metering.ingest;

import java.util.ArrayList;
import java.util.List;

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

/** A batch of usage events ({@code write:metering}), each answered on its own. */
@Path("/api/v1/usage")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Metering")
@PermissionsAllowed(Scopes.WRITE_METERING)
public class UsageBatchResource {

    static final String SHAPE = "usage";

    private final UsageIngestion ingestion;
    private final IngestRequests requests;
    private final IngestConfig config;
    private final Caller caller;

    public UsageBatchResource(UsageIngestion ingestion, IngestRequests requests, IngestConfig config, Caller caller) {
        this.ingestion = ingestion;
        this.requests = requests;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Report up to 1,000 usage events of the single-event form as {\"events\": [...]}: 200 once the "
            + "accepted ones are durable, with each event's outcome (accepted, or rejected with the reason) and the "
            + "report's status (CONFIRMED when all were accepted, else FAILED); invalid events never hold back valid ones. "
            + "503 with Retry-After when they could not be made durable (nothing of the request was accepted)")
    public Uni<ApiResponse<IngestResult>> report(UsageBatchRequest batch, @Context HttpHeaders headers) {
        if (batch == null || batch.events() == null) {
            throw ApiException.invalidField("events", "is required");
        }
        List<UsageEventRequest> events = batch.events();
        if (events.isEmpty() || events.size() > config.maxBatch()) {
            throw ApiException.invalidField("events", "must hold 1 to " + config.maxBatch() + " events");
        }
        Reporter reporter = IngestRequests.reporter(caller);
        EventIds ids = requests.ids(reporter, SHAPE, headers, batch);
        List<UsageCandidate> candidates = new ArrayList<>(events.size());
        for (int index = 0; index < events.size(); index++) {
            if (events.get(index) == null) {
                throw ApiException.invalidField("events[" + index + "]", "must be a usage event");
            }
            candidates.add(IngestRequests.candidate(index, events.get(index), ids));
        }
        return ingestion.ingest(SHAPE, ids, candidates, reporter).map(ApiResponse::ok);
    }
}
