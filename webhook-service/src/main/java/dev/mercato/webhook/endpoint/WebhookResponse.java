package dev.mercato.webhook.endpoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A webhook endpoint as the API shows it. {@code secret} appears once: in the answer to its creation or to a secret
 * rotation. {@code eventTypes} null means every type; {@code disabledReason} is DISABLED_BY_OWNER, GONE (the receiver
 * answered 410) or FAILING (days without a successful delivery).
 */
public record WebhookResponse(
        String id,
        String object,
        String ownerId,
        String url,
        String description,
        List<String> eventTypes,
        boolean enabled,
        String disabledReason,
        boolean includeDescendants,
        Integer rateLimitPerSecond,
        Map<String, String> customHeaders,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
        Instant previousSecretValidUntil,
        Instant failingSince,
        Instant createdAt,
        Instant updatedAt) {

    static WebhookResponse of(WebhookEndpoint endpoint, String secret) {
        return new WebhookResponse(endpoint.id, "webhook", endpoint.ownerId, endpoint.url, endpoint.description,
                endpoint.eventTypes == null ? null : endpoint.eventTypes.types(), endpoint.enabled, endpoint.disabledReason,
                endpoint.includeDescendants, endpoint.rateLimitPerSecond,
                endpoint.customHeaders == null || endpoint.customHeaders.headers() == null ? Map.of()
                        : endpoint.customHeaders.headers(),
                secret, endpoint.previousSecretUntil, endpoint.failingSince, endpoint.createdAt, endpoint.updatedAt);
    }
}
