package dev.mercato.webhook.event;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A public event waiting to be fanned out: for an audience organization the directory does not know yet, behind an
 * earlier waiting event of its subject, or, for {@code customer.*}, for the transaction that records its organization
 * to commit. {@link FanOut#releaseWaiting} sends it on.
 */
@Entity
@Table(name = "webhook_parked_event")
public class ParkedEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(nullable = false)
    public String subject;

    /** The domain event's data as JSON. */
    @Column(nullable = false)
    public String source;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] audience;

    @Column(name = "parked_at", nullable = false)
    public Instant parkedAt;

    static ParkedEvent waiting(PublicEvent event) {
        ParkedEvent parked = new ParkedEvent();
        parked.eventType = event.type();
        parked.subject = event.subject();
        parked.source = event.source().toString();
        parked.requestId = event.requestId();
        parked.occurredAt = event.occurredAt();
        parked.audience = event.audience().toArray(String[]::new);
        parked.parkedAt = Instant.now();
        return parked;
    }
}
