package dev.mercato.webhook.event;

import java.util.Map;

/** One public event type: its name, what it means, where it comes from, and the JSON schema of its payload. */
public record EventTypeResponse(String name, String description, String source, Map<String, Object> schema) {
}
