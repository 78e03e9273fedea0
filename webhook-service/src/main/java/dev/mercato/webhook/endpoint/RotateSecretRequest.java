package dev.mercato.webhook.endpoint;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** The optional body of {@code POST /api/v1/webhooks/{id}/rotate-secret}: how long the old secret keeps signing. */
public record RotateSecretRequest(@Min(0) @Max(10080) Integer overlapMinutes) {
}
