package dev.mercato.webhook.delivery;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One attempt to deliver a message: the receiver's status code, how long it took, an excerpt of its answer or the error. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {

    @Id
    public Long id;

    @Column(name = "message_id", nullable = false)
    public String messageId;

    @Column(name = "endpoint_id", nullable = false)
    public String endpointId;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    /** SUCCEEDED or FAILED. */
    @Column(nullable = false)
    public String outcome;

    @Column(name = "status_code")
    public Integer statusCode;

    @Column(name = "duration_ms", nullable = false)
    public int durationMs;

    @Column(name = "response_excerpt")
    public String responseExcerpt;

    public String error;
}
