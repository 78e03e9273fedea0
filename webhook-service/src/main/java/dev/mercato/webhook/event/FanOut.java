package dev.mercato.webhook.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.directory.DirectoryOrganization;
import dev.mercato.platform.directory.OrganizationDirectory;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.tracing.StoredTrace;
import dev.mercato.platform.tracing.TraceContexts;
import dev.mercato.webhook.delivery.Payloads;
import dev.mercato.webhook.delivery.WebhookMessage;
import dev.mercato.webhook.delivery.WebhookMessageRepository;
import dev.mercato.webhook.endpoint.WebhookEndpoint;
import dev.mercato.webhook.endpoint.WebhookEndpointRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Routes one public event to the endpoints allowed to receive it and stores a message for each, inside the consuming
 * transaction (so the event is marked handled exactly when its messages exist). Recipients, by the organization
 * tree: every enabled endpoint that wants the type and is owned by one of the event's audience (the organizations
 * that can read the object through the API — its customer, its vendor), or owned by an organization above one of
 * them that opted in with {@code includeDescendants}. No other organization ever gets it. An event naming an
 * organization the directory does not know yet waits in {@code webhook_parked_event} until that organization arrives.
 */
@ApplicationScoped
public class FanOut {

    private static final Logger LOG = Logger.getLogger(FanOut.class);

    private final OrganizationDirectory directory;
    private final WebhookEndpointRepository endpoints;
    private final WebhookMessageRepository messages;
    private final ParkedEventRepository parked;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final TraceContexts traces;

    public FanOut(OrganizationDirectory directory, WebhookEndpointRepository endpoints, WebhookMessageRepository messages,
            ParkedEventRepository parked, ObjectMapper json, MeterRegistry registry, TraceContexts traces) {
        this.directory = directory;
        this.endpoints = endpoints;
        this.messages = messages;
        this.parked = parked;
        this.json = json;
        this.registry = registry;
        this.traces = traces;
    }

    /**
     * Stores a message of {@code type} about {@code subject} for each recipient endpoint of the audience.
     *
     * When an audience organization is not in the directory yet, the event is parked instead and fanned out when the
     * organization arrives ({@link #release}).
     *
     * @param audience organization ids that may read the object (nulls ignored)
     * @return how many messages were stored
     */
    public Uni<Integer> route(String type, String subject, JsonNode source, String requestId, Instant occurredAt,
            List<String> audience) {
        List<String> ids = audience.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return paths(ids).chain(paths -> paths.size() < ids.size()
                ? park(type, subject, source, requestId, occurredAt, ids, paths)
                : endpoints.find("enabled = true and (ownerId in ?1 or includeDescendants = true)",
                        ids).list()
                .chain(candidates -> {
                    List<WebhookEndpoint> recipients = candidates.stream()
                            .filter(endpoint -> endpoint.wants(type) && receives(endpoint, paths))
                            .toList();
                    if (recipients.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    String eventId = Ids.next("evt");
                    Instant now = Instant.now();
                    String payload = Payloads.body(eventId, type, occurredAt == null ? now : occurredAt,
                            EventCatalogue.data(type, source));
                    List<WebhookMessage> stored = new ArrayList<>();
                    StoredTrace trace = traces.current();
                    for (WebhookEndpoint endpoint : recipients) {
                        WebhookMessage message = new WebhookMessage();
                        message.id = Ids.next("msg");
                        message.endpointId = endpoint.id;
                        message.eventId = eventId;
                        message.eventType = type;
                        message.subject = subject;
                        message.payload = payload;
                        message.requestId = requestId;
                        message.status = "PENDING";
                        message.nextAttemptAt = now;
                        message.createdAt = now;
                        message.continues(trace);
                        stored.add(message);
                    }
                    registry.counter("mercato.webhooks.messages.stored", "event", type).increment(stored.size());
                    return messages.persist(stored).chain(() -> messages.flush()).replaceWith(stored.size());
                }));
    }

    /**
     * Fans out, in order, the parked events that waited for {@code organizationId} (now in the directory); an event
     * still waiting for another organization is parked again.
     *
     * @return how many events were released
     */
    public Uni<Integer> release(String organizationId) {
        if (organizationId == null) {
            return Uni.createFrom().item(0);
        }
        return parked.list("array_contains(audience, ?1) order by id", organizationId).chain(waiting -> {
            Uni<Integer> released = Uni.createFrom().item(0);
            for (ParkedEvent event : waiting) {
                released = released.chain(count -> parked.delete(event)
                        .chain(() -> route(event.eventType, event.subject, read(event.source), event.requestId,
                                event.occurredAt, List.of(event.audience)))
                        .replaceWith(count + 1));
            }
            return released;
        });
    }

    private Uni<Integer> park(String type, String subject, JsonNode source, String requestId, Instant occurredAt,
            List<String> audience, Map<String, String> known) {
        ParkedEvent event = new ParkedEvent();
        event.eventType = type;
        event.subject = subject;
        event.source = source.toString();
        event.requestId = requestId;
        event.occurredAt = occurredAt;
        event.audience = audience.toArray(String[]::new);
        event.parkedAt = Instant.now();
        List<String> missing = audience.stream().filter(id -> !known.containsKey(id)).toList();
        LOG.infof("%s about %s waits for organization(s) %s, not yet in the directory", type, subject, missing);
        registry.counter("mercato.webhooks.events.parked", "event", type).increment();
        return parked.persist(event).replaceWith(0);
    }

    private JsonNode read(String source) {
        try {
            return json.readTree(source);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parked event's data is not JSON", e);
        }
    }

    /** Whether {@code endpoint} may receive an event whose audience has these paths (id → path). */
    static boolean receives(WebhookEndpoint endpoint, Map<String, String> audiencePaths) {
        for (Map.Entry<String, String> member : audiencePaths.entrySet()) {
            if (endpoint.ownerId.equals(member.getKey())) {
                return true;
            }
            if (endpoint.includeDescendants && member.getValue().startsWith(endpoint.ownerPath + "/")) {
                return true;
            }
        }
        return false;
    }

    private Uni<Map<String, String>> paths(List<String> ids) {
        return directory.list("id in ?1", ids).map(found -> {
            Map<String, String> paths = new LinkedHashMap<>();
            for (DirectoryOrganization organization : found) {
                paths.put(organization.id, organization.path);
            }
            return paths;
        });
    }
}
