package dev.mercato.console.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The attempt "save and test" made ({@code POST /api/v1/webhooks/{id}/test}): its outcome and the receiver's answer. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookTest(String deliveryId, boolean succeeded, Integer statusCode, int durationMs,
        String responseExcerpt, String error) {
}
