package dev.mercato.console.web;

import java.util.List;

import dev.mercato.console.webhook.Webhook;

/**
 * Settings > Integrations > Webhooks: the endpoints the user sees, and the create form — the event types of the
 * catalogue to choose from, the values typed and the API's refusal of them, if any.
 */
public record WebhooksView(List<Webhook> webhooks, long total, boolean mayWrite, List<Choice> eventTypes, String url,
        String description, FormErrors errors, String notice) {
}
