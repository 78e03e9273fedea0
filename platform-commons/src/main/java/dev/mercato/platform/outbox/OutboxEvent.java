package dev.mercato.platform.outbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One event waiting in the transactional outbox: written in the same database transaction as
 * the state change it describes, relayed to Kafka by {@link OutboxRelay} in {@code id} order.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The CloudEvents {@code id}; consumers deduplicate on it. */
    @Column(name = "event_id", nullable = false, updatable = false)
    public String eventId;

    @Column(nullable = false, updatable = false)
    public String topic;

    /** The Kafka record key: the aggregate id, so one aggregate's events stay in one partition, in order. */
    @Column(name = "message_key", nullable = false, updatable = false)
    public String messageKey;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    @Column(nullable = false, updatable = false)
    public String source;

    @Column(updatable = false)
    public String subject;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(name = "request_id", updatable = false)
    public String requestId;

    @Column(nullable = false, updatable = false)
    public String payload;

    /** W3C {@code traceparent} of the request or event that wrote the row; null when it was not traced. */
    @Column(name = "trace_parent", updatable = false)
    public String traceParent;

    @Column(name = "trace_state", updatable = false)
    public String traceState;
}
