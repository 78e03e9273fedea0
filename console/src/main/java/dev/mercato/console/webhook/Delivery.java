package dev.mercato.console.webhook;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A message of an endpoint's delivery log ({@code /api/v1/webhooks/{id}/deliveries}): the event it carries, its status
 * (PENDING, DELIVERED, FAILED) and how its attempts went. Its id is the {@code webhook-id} the receiver sees.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Delivery(String id, String webhookId, String eventId, String eventType, String subject, String status,
        int attempts, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatusCode, String lastError,
        Instant deliveredAt, Instant createdAt) {

    /** Redelivery sends a delivered or failed message again; a pending one is still on its way. */
    public boolean redeliverable() {
        return !"PENDING".equals(status);
    }
}
