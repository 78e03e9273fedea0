package dev.mercato.platform.outbox;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.id.EventIds;
import dev.mercato.platform.tracing.StoredTrace;
import dev.mercato.platform.tracing.TraceContexts;
import dev.mercato.platform.web.RequestIds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Where a service records that something happened. Call it inside the transaction that makes the
 * change ({@code @WithTransaction} service method): the event is stored with the change, or not at
 * all, and {@link OutboxRelay} publishes it to Kafka afterwards — never lost, never sent for a change
 * that rolled back. The table's insert trigger issues {@code NOTIFY mercato_outbox} (no payload), which
 * PostgreSQL delivers at commit, so the relay starts at once instead of polling. The row keeps the trace context
 * of the request or event being handled, so the trace goes on through Kafka.
 */
@ApplicationScoped
public class Outbox {

    /** The PostgreSQL channel {@link OutboxRelay} listens on; notified, without payload, by every commit that adds events. */
    public static final String CHANNEL = "mercato_outbox";

    /** A plain insert: the table's statement trigger notifies {@link #CHANNEL} (migration V0_7). */
    private static final String INSERT = """
            insert into outbox_event (event_id, topic, message_key, event_type, source, subject, occurred_at,
                request_id, payload, trace_parent, trace_state)
            values (:eventId, :topic, :messageKey, :eventType, :source, :subject, :occurredAt,
                :requestId, :payload, :traceParent, :traceState)""";

    private final ObjectMapper json;
    private final TraceContexts traces;
    private final String source;
    private final Clock clock;

    public Outbox(ObjectMapper json, TraceContexts traces,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.json = json;
        this.traces = traces;
        this.source = "/mercato/" + applicationName;
        this.clock = Clock.systemUTC();
    }

    /**
     * Stores {@code payload} as the event {@code type} about {@code aggregateId}, for {@code topic}.
     *
     * @param topic       e.g. {@code identity.organizations}
     * @param aggregateId record key and CloudEvents subject, e.g. {@code org_01…}
     * @param type        versioned CloudEvents type, e.g. {@code mercato.identity.organization.created.v1}
     * @param payload     the event body; serialized to JSON now, so later changes to the object do not leak in
     * @return the event as stored, without its row {@code id} (the database assigns it; nothing reads it back)
     */
    public Uni<OutboxEvent> publish(String topic, String aggregateId, String type, Object payload) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = EventIds.next();
        event.topic = topic;
        event.messageKey = aggregateId;
        event.subject = aggregateId;
        event.eventType = type;
        event.source = source;
        event.occurredAt = clock.instant();
        event.requestId = RequestIds.current();
        event.payload = toJson(payload);
        StoredTrace trace = traces.current();
        event.traceParent = trace.traceparent();
        event.traceState = trace.tracestate();
        // An update statement, not a select: Hibernate keeps a new plan for every execution of a native select
        // (its cache fills with copies of the statement, and each lookup scans them), but one plan per update.
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("eventId", event.eventId)
                .setParameter("topic", event.topic)
                .setParameter("messageKey", event.messageKey)
                .setParameter("eventType", event.eventType)
                .setParameter("source", event.source)
                .setParameter("subject", event.subject)
                .setParameter("occurredAt", event.occurredAt)
                .setParameter("requestId", event.requestId)
                .setParameter("payload", event.payload)
                .setParameter("traceParent", event.traceParent)
                .setParameter("traceState", event.traceState)
                .executeUpdate())
                .replaceWith(event);
    }

    private String toJson(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload cannot be written as JSON: " + payload.getClass(), e);
        }
    }
}
