package dev.mercato.webhook.delivery;

import java.time.Instant;

/** A message to one endpoint as the API shows it: {@code id} is the webhook-id the receiver saw. */
public record DeliveryResponse(String id, String object, String webhookId, String eventId, String eventType,
        String subject, String status, int attempts, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatusCode,
        String lastError, Instant deliveredAt, Instant createdAt) {

    public static DeliveryResponse of(WebhookMessage message) {
        return new DeliveryResponse(message.id, "delivery", message.endpointId, message.eventId, message.eventType,
                message.subject, message.status, message.attempts,
                "PENDING".equals(message.status) ? message.nextAttemptAt : null, message.lastAttemptAt,
                message.lastStatusCode, message.lastError, message.deliveredAt, message.createdAt);
    }
}
