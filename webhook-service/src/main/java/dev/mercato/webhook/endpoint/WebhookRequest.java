package dev.mercato.webhook.endpoint;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/v1/webhooks} (every field but {@code url} optional) and of {@code PATCH} (the fields
 * given change). {@code eventTypes} null means every event type; {@code customHeaders} are sent with every delivery.
 */
public record WebhookRequest(
        @Size(max = 2000) String url,
        @Size(max = 500) String description,
        @Size(min = 1, max = 50) List<@Size(min = 1, max = 100) String> eventTypes,
        Boolean enabled,
        Boolean includeDescendants,
        @Min(1) @Max(10000) Integer rateLimitPerSecond,
        @Size(max = 20) Map<String, @Size(max = 1000) String> customHeaders) {
}
