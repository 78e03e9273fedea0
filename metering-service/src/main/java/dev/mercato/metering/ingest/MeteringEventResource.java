package dev.mercato.metering.ingest;

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
import org.jboss.resteasy.reactive.ResponseStatus;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.api.FieldError;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/** One usage event ({@code write:metering}), from the listing's vendor or the platform. */
@Path("/api/v1/metering-event")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Metering")
@PermissionsAllowed(Scopes.WRITE_METERING)
public class MeteringEventResource {

    static final String SHAPE = "metering-event";

    private final UsageIngestion ingestion;
    private final IngestRequests requests;
    private final Caller caller;

    public MeteringEventResource(UsageIngestion ingestion, IngestRequests requests, Caller caller) {
        this.ingestion = ingestion;
        this.requests = requests;
        this.caller = caller;
    }

    @POST
    @ResponseStatus(202)
    @Operation(summary = "Report one usage event: 202 once it is durable, with its id (the caller's eventId, else one "
            + "derived from the Idempotency-Key or the content, so a repeat has the same id and counts once); a rejected "
            + "event is a 400 naming the field and the reason (403 when the caller is neither the listing's vendor nor "
            + "the platform); 503 with Retry-After when it could not be made durable")
    public Uni<ApiResponse<SingleEventResult>> report(UsageEventRequest event, @Context HttpHeaders headers) {
        if (event == null) {
            throw ApiException.invalidField("body", "must be a usage event");
        }
        Reporter reporter = IngestRequests.reporter(caller);
        EventIds ids = requests.ids(reporter, SHAPE, headers, event);
        UsageCandidate candidate = IngestRequests.candidate(0, event, ids);
        return ingestion.ingest(SHAPE, ids, List.of(candidate), reporter).map(result -> {
            EventOutcome outcome = result.events().get(0);
            if (!outcome.isAccepted()) {
                Rejection rejection = Rejection.valueOf(outcome.reasonCode());
                throw new ApiException(rejection.status(), "Usage event rejected: " + outcome.reason(),
                        rejection.status() == 403 ? List.of() : List.of(new FieldError(fieldOf(rejection, outcome), outcome.reason())));
            }
            return new ApiResponse<>(202, new SingleEventResult(outcome.eventId(), result.reportId(), outcome.status()));
        });
    }

    private static String fieldOf(Rejection rejection, EventOutcome outcome) {
        if (rejection.field() != null) {
            return rejection.field();
        }
        // Missing and invalid fields name themselves first in their sentence.
        String reason = outcome.reason();
        int space = reason.indexOf(' ');
        return space > 0 ? reason.substring(0, space) : "body";
    }
}
