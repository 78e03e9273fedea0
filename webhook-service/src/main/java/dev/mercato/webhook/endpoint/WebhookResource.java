package dev.mercato.webhook.endpoint;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.ApiResponse;
import dev.mercato.platform.api.PageResponse;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.idempotency.IdempotentRequests;
import dev.mercato.platform.persistence.Listings;
import dev.mercato.platform.persistence.Listings.Visibility;
import dev.mercato.platform.query.ListQuery;
import dev.mercato.platform.query.QueryContext;
import dev.mercato.platform.query.QueryFields;
import dev.mercato.platform.security.Caller;
import dev.mercato.platform.security.Scopes;
import dev.mercato.platform.tracing.TraceContexts;
import dev.mercato.platform.web.RequestIds;
import dev.mercato.webhook.delivery.AttemptResponse;
import dev.mercato.webhook.delivery.DeliveryEngine;
import dev.mercato.webhook.delivery.DeliveryResponse;
import dev.mercato.webhook.delivery.Payloads;
import dev.mercato.webhook.delivery.ReplayResult;
import dev.mercato.webhook.delivery.TestResult;
import dev.mercato.webhook.delivery.WebhookAttempt;
import dev.mercato.webhook.delivery.WebhookAttemptRepository;
import dev.mercato.webhook.delivery.WebhookMessage;
import dev.mercato.webhook.delivery.WebhookMessageRepository;
import dev.mercato.webhook.event.EventCatalogue;
import dev.mercato.webhook.event.EventTypeResponse;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Webhook endpoints ({@code read:webhooks}, {@code write:webhooks}), their deliveries and attempts, the event
 * catalogue, "save and test", redelivery and replay. An organization sees and manages its own endpoints; the platform
 * every one; anyone else gets 404.
 */
@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks")
@PermissionsAllowed(Scopes.READ_WEBHOOKS)
public class WebhookResource {

    static final QueryFields FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("url", "url")
            .string("description", "description")
            .string("ownerId", "ownerId")
            .bool("enabled", "enabled")
            .bool("includeDescendants", "includeDescendants")
            .string("disabledReason", "disabledReason")
            .instant("createdAt", "createdAt")
            .instant("updatedAt", "updatedAt")
            .defaultSort("-createdAt")
            .tieBreaker("id")
            .build();

    static final QueryFields DELIVERY_FIELDS = QueryFields.builder()
            .string("id", "id")
            .string("eventId", "eventId")
            .string("eventType", "eventType")
            .string("subject", "subject")
            .string("status", "status")
            .integer("attempts", "attempts")
            .instant("createdAt", "createdAt")
            .instant("lastAttemptAt", "lastAttemptAt")
            .instant("deliveredAt", "deliveredAt")
            .defaultSort("-createdAt")
            .tieBreaker("id")
            .build();

    static final QueryFields ATTEMPT_FIELDS = QueryFields.builder()
            .string("outcome", "outcome")
            .integer("statusCode", "statusCode")
            .instant("attemptedAt", "attemptedAt")
            .defaultSort("attemptedAt")
            .tieBreaker("id")
            .build();

    private final WebhookService service;
    private final WebhookEndpointRepository endpoints;
    private final WebhookMessageRepository messages;
    private final WebhookAttemptRepository attempts;
    private final DeliveryEngine engine;
    private final IdempotentRequests idempotency;
    private final Caller caller;
    private final TraceContexts traces;

    public WebhookResource(WebhookService service, WebhookEndpointRepository endpoints, WebhookMessageRepository messages,
            WebhookAttemptRepository attempts, DeliveryEngine engine, IdempotentRequests idempotency, Caller caller,
            TraceContexts traces) {
        this.service = service;
        this.endpoints = endpoints;
        this.messages = messages;
        this.attempts = attempts;
        this.engine = engine;
        this.idempotency = idempotency;
        this.caller = caller;
        this.traces = traces;
    }

    @GET
    @WithSession
    @Operation(summary = "List the caller's webhook endpoints. Filters and sort fields: id, url, description, ownerId, "
            + "enabled, includeDescendants, disabledReason, createdAt, updatedAt")
    public Uni<PageResponse<WebhookResponse>> list(@Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), FIELDS, QueryContext.of(Clock.systemUTC()));
        return Listings.page(endpoints, WebhookService.visibility(caller), query, e -> WebhookResponse.of(e, null));
    }

    @GET
    @Path("/-dump")
    @Operation(summary = "Every webhook endpoint the caller may see, in id order")
    public Multi<WebhookResponse> dump() {
        return Listings.dump(endpoints, WebhookService.visibility(caller), "id", e -> e.id, e -> WebhookResponse.of(e, null));
    }

    @GET
    @Path("/event-types")
    @Operation(summary = "Every public event type with the JSON schema of its payload")
    public ApiResponse<java.util.List<EventTypeResponse>> eventTypes() {
        caller.organizationId(); // a valid token is required, like everywhere else
        return ApiResponse.ok(EventCatalogue.all().stream()
                .map(t -> new EventTypeResponse(t.name(), t.description(), t.source(), EventCatalogue.schema(t)))
                .toList());
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "One webhook endpoint (never its secret)")
    public Uni<ApiResponse<WebhookResponse>> get(@PathParam("id") String id) {
        return service.visible(id, caller).map(e -> ApiResponse.ok(WebhookResponse.of(e, null)));
    }

    @POST
    @PermissionsAllowed(Scopes.WRITE_WEBHOOKS)
    @Operation(summary = "Create an endpoint of the caller's organization; the answer shows its secret, this once")
    public Uni<Response> create(@Valid @NotNull WebhookRequest request, @Context HttpHeaders headers) {
        String scope = "POST /api/v1/webhooks " + caller.clientId();
        return idempotency.once(headers, scope, request, () -> service.create(request, caller)
                .map(created -> Response.status(201).entity(ApiResponse.created(WebhookResponse.of(created, created.issuedSecret)))
                        .build()));
    }

    @PATCH
    @Path("/{id}")
    @PermissionsAllowed(Scopes.WRITE_WEBHOOKS)
    @Operation(summary = "Change an endpoint: the fields given")
    public Uni<ApiResponse<WebhookResponse>> update(@PathParam("id") String id, @Valid @NotNull WebhookRequest request) {
        return service.update(id, request, caller).map(e -> ApiResponse.ok(WebhookResponse.of(e, null)));
    }

    @DELETE
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @PermissionsAllowed(Scopes.WRITE_WEBHOOKS)
    @Operation(summary = "Delete an endpoint with its deliveries")
    public Uni<Response> delete(@PathParam("id") String id) {
        return service.delete(id, caller).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Consumes(MediaType.WILDCARD)
    @PermissionsAllowed(Scopes.WRITE_WEBHOOKS)
    @Operation(summary = "A new secret, shown this once; the previous one also signs for overlapMinutes (query, default a day)")
    public Uni<ApiResponse<WebhookResponse>> rotate(@PathParam("id") String id,
            @QueryParam("overlapMinutes") String overlapMinutes) {
        Integer minutes = null;
        if (overlapMinutes != null) {
            try {
                minutes = Integer.valueOf(overlapMinutes.trim());
            } catch (NumberFormatException e) {
                minutes = -1;
            }
            if (minutes < 0 || minutes > 10080) {
                throw ApiException.invalidField("overlapMinutes", "must be a whole number from 0 to 10080");
            }
        }
        return service.rotate(id, minutes, caller).map(e -> ApiResponse.ok(WebhookResponse.of(e, e.issuedSecret)));
    }

    @POST
    @Path("/{id}/test")
    @Consumes(MediaType.WILDCARD)
    @PermissionsAllowed(Scopes.WRITE_WEBHOOKS)
    @Operation(summary = "Send a webhook.test event now and answer with the attempt's outcome (save and test)")
    public Uni<ApiResponse<TestResult>> test(@PathParam("id") String id) {
        return Panache.withTransaction(() -> service.visible(id, caller).chain(endpoint -> {
            Instant now = Instant.now();
            WebhookMessage message = new WebhookMessage();
            message.id = Ids.next("msg");
            message.endpointId = endpoint.id;
            message.eventId = Ids.next("evt");
            message.eventType = EventCatalogue.TEST;
            message.subject = message.id; // ordered after nothing, holds nothing back
            message.payload = Payloads.body(message.eventId, EventCatalogue.TEST, now, JsonNodeFactory.instance.objectNode()
                    .put("webhookId", endpoint.id).put("message", "This is a test event from Mercato."));
            message.requestId = RequestIds.current();
            message.status = "PENDING";
            message.nextAttemptAt = now.plusSeconds(3600); // sent below, not by the engine's rounds
            message.createdAt = now;
            message.continues(traces.current());
            return messages.persist(message);
        })).chain(message -> engine.deliverNow(message.id).map(outcome -> ApiResponse.ok(new TestResult(message.id,
                outcome != null && outcome.succeeded(), outcome == null ? null : outcome.statusCode(),
                outcome == null ? 0 : outcome.durationMs(), outcome == null ? null : outcome.excerpt(),
                outcome == null ? "already sent" : outcome.error()))));
    }

    @GET
    @Path("/{id}/deliveries")
    @WithSession
    @Operation(summary = "The endpoint's messages with their status. Filters and sort fields: id, eventId, eventType, "
            + "subject, status, attempts, createdAt, lastAttemptAt, deliveredAt")
    public Uni<PageResponse<DeliveryResponse>> deliveries(@PathParam("id") String id, @Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), DELIVERY_FIELDS, QueryContext.of(Clock.systemUTC()));
        return service.visible(id, caller).chain(endpoint -> Listings.page(messages,
                Visibility.of("endpointId = :endpointId", Map.of("endpointId", endpoint.id)), query, DeliveryResponse::of));
    }

    @GET
    @Path("/deliveries/{deliveryId}")
    @WithSession
    @Operation(summary = "One delivery (message), by its id: the webhook-id its receiver saw")
    public Uni<ApiResponse<DeliveryResponse>> delivery(@PathParam("deliveryId") String deliveryId) {
        return visibleMessage(deliveryId).map(message -> ApiResponse.ok(DeliveryResponse.of(message)));
    }

    @GET
    @Path("/deliveries/{deliveryId}/attempts")
    @WithSession
    @Operation(summary = "A delivery's attempts: outcome, status code, duration, response excerpt, error")
    public Uni<PageResponse<AttemptResponse>> attempts(@PathParam("deliveryId") String deliveryId, @Context UriInfo uri) {
        ListQuery query = ListQuery.parse(uri.getQueryParameters(), ATTEMPT_FIELDS, QueryContext.of(Clock.systemUTC()));
        return visibleMessage(deliveryId).chain(message -> Listings.page(attempts,
                Visibility.of("messageId = :messageId", Map.of("messageId", message.id)), query, AttemptResponse::of));
    }

    @POST
    @Path("/deliveries/{deliveryId}/redeliver")
    @Consumes(MediaType.WILDCARD)
    @PermissionsAllowed(Scopes.WRITE_WEBHOOKS)
    @Operation(summary = "Send a delivered or failed message again, with the same webhook-id")
    public Uni<ApiResponse<ReplayResult>> redeliver(@PathParam("deliveryId") String deliveryId) {
        return Panache.withTransaction(() -> visibleMessage(deliveryId).chain(message -> messages.update(
                        "status = 'PENDING', attempts = 0, nextAttemptAt = ?1 where id = ?2 and status <> 'PENDING'",
                        Instant.now(), message.id)))
                .invoke(engine::wake)
                .map(queued -> ApiResponse.ok(new ReplayResult(queued)));
    }

    @POST
    @Path("/{id}/replay")
    @Consumes(MediaType.WILDCARD)
    @PermissionsAllowed(Scopes.WRITE_WEBHOOKS)
    @Operation(summary = "Send again every message created since a time (ISO-8601), or only the failed ones "
            + "(failedOnly=true); each keeps its webhook-id")
    public Uni<ApiResponse<ReplayResult>> replay(@PathParam("id") String id, @QueryParam("since") String since,
            @QueryParam("failedOnly") String failedOnly) {
        Instant from = parseSince(since);
        if (failedOnly != null && !failedOnly.equals("true") && !failedOnly.equals("false")) {
            throw ApiException.invalidField("failedOnly", "must be true or false");
        }
        String statuses = "true".equals(failedOnly) ? "status = 'FAILED'" : "status <> 'PENDING'";
        return Panache.withTransaction(() -> service.visible(id, caller).chain(endpoint -> messages.update(
                        "status = 'PENDING', attempts = 0, nextAttemptAt = ?1 where endpointId = ?2 and createdAt >= ?3 and "
                                + statuses, Instant.now(), endpoint.id, from)))
                .invoke(engine::wake)
                .map(queued -> ApiResponse.ok(new ReplayResult(queued)));
    }

    private static Instant parseSince(String since) {
        if (since == null || since.isBlank()) {
            throw ApiException.invalidField("since", "is required: an ISO-8601 time such as 2026-01-16T10:00:00Z");
        }
        try {
            return Instant.parse(since.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField("since", "must be an ISO-8601 time such as 2026-01-16T10:00:00Z");
        }
    }

    /** The message, when its endpoint is one the caller may see; else 404. */
    private Uni<WebhookMessage> visibleMessage(String deliveryId) {
        return messages.findById(deliveryId)
                .chain(message -> message == null ? Uni.createFrom().<WebhookMessage>nullItem()
                        : endpoints.findVisible(message.endpointId, WebhookService.visibility(caller))
                                .map(endpoint -> endpoint == null ? null : message))
                .onItem().ifNull().failWith(() -> ApiException.notFound("delivery", deliveryId));
    }
}
