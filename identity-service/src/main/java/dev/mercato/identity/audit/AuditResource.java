package dev.mercato.identity.audit;

import java.time.Clock;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.api.PageResponse;
import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.query.ListQuery;
import dev.mercato.platform.query.QueryContext;
import dev.mercato.platform.query.QueryFields;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/** The audit log of the caller's organization and everything below it ({@code read:audit}). */
@Path("/api/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("actor", "actor")
            .string("action", "action")
            .string("targetType", "targetType")
            .string("targetId", "targetId")
            .string("requestId", "requestId")
            .instant("occurredAt", "occurredAt")
            .defaultSort("-occurredAt")
            .tieBreaker("id")
            .build();

    private final AuditEventRepository events;
    private final Caller caller;
    private final ObjectMapper json;

    public AuditResource(AuditEventRepository events, Caller caller, ObjectMapper json) {
        this.events = events;
        this.caller = caller;
        this.json = json;
    }

    @GET
    @WithSession
    @PermissionsAllowed(Scopes.READ_AUDIT)
    @Operation(summary = "List audit events (filter by action, actor, targetType, targetId, occurredAt)")
    public Uni<PageResponse<AuditEventResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC())
                .withMe(caller.subject()));
        return Listings.page(events, caller.visibility("ownerPath"), query, this::toResponse);
    }

    private AuditEventResponse toResponse(AuditEvent event) {
        try {
            return new AuditEventResponse(event.id, event.occurredAt, event.actor, event.action, event.targetType,
                    event.targetId, json.readTree(event.details), event.requestId);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit details are not JSON: " + event.id, e);
        }
    }
}
