package dev.mercato.console.webhook;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A webhook endpoint as {@code /api/v1/webhooks} shows it. {@code eventTypes} null means every type; {@code secret}
 * only in the answer to its creation or a rotation.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Webhook(String id, String ownerId, String url, String description, List<String> eventTypes,
        boolean enabled, String disabledReason, boolean includeDescendants, String secret,
        Instant previousSecretValidUntil, Instant failingSince, Instant createdAt) {

    public boolean everyEventType() {
        return eventTypes == null;
    }

    /** Never print the secret. */
    @Override
    public String toString() {
        return "Webhook[id=" + id + ", url=" + url + "]";
    }
}
