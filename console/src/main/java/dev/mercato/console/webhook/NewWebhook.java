package dev.mercato.console.webhook;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of {@code POST /api/v1/webhooks}; null event types mean every type, also ones added later. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewWebhook(String url, String description, List<String> eventTypes) {
}
