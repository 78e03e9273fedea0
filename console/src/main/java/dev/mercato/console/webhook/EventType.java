package dev.mercato.console.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One entry of the event-type catalogue ({@code GET /api/v1/webhooks/event-types}); its schema is not shown. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventType(String name, String description, String source) {
}
