package dev.mercato.webhook.delivery;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;

import dev.mercato.platform.tracing.StoredTrace;

/**
 * One event for one endpoint, stored before anything is sent; its id is the {@code webhook-id} the receiver sees on
 * every attempt. Status PENDING (due at {@code nextAttemptAt}, or held by the instance sending it until then),
 * DELIVERED or FAILED (every retry spent, or the endpoint answered 410).
 */
@Entity
@Table(name = "webhook_message")
public class WebhookMessage {

    @Id
    public String id;

    /** Insertion order: messages of one subject to one endpoint go in this order. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "endpoint_id", nullable = false)
    public String endpointId;

    @Column(name = "event_id", nullable = false)
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String subject;

    /** The exact body sent (and signed). */
    @Column(nullable = false)
    public String payload;

    @Column(name = "request_id")
    public String requestId;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** W3C trace context of the event (or request) that made the message; its delivery attempts continue it. */
    @Column(name = "trace_parent")
    public String traceParent;

    @Column(name = "trace_state")
    public String traceState;

    /** Makes the message's delivery attempts spans of {@code trace}. */
    public void continues(StoredTrace trace) {
        traceParent = trace.traceparent();
        traceState = trace.tracestate();
    }
}
