package dev.mercato.webhook.delivery;

import java.time.Instant;

/** One delivery attempt: SUCCEEDED or FAILED, the receiver's status code (none when it never answered), and why. */
public record AttemptResponse(long id, String object, String deliveryId, Instant attemptedAt, String outcome,
        Integer statusCode, int durationMs, String responseExcerpt, String error) {

    public static AttemptResponse of(WebhookAttempt attempt) {
        return new AttemptResponse(attempt.id, "attempt", attempt.messageId, attempt.attemptedAt, attempt.outcome,
                attempt.statusCode, attempt.durationMs, attempt.responseExcerpt, attempt.error);
    }
}
