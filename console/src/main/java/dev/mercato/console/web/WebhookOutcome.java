package dev.mercato.console.web;

import dev.mercato.console.webhook.Webhook;
import dev.mercato.console.webhook.WebhookTest;

/**
 * What a webhook action shows once: the endpoint with its new secret (create, rotate; null for a test alone), the test
 * attempt (null when none ran) and, when the test could not run, why.
 */
public record WebhookOutcome(String webhookId, Webhook withSecret, WebhookTest test, String testFailure) {

    /** Never print the secret. */
    @Override
    public String toString() {
        return "WebhookOutcome[webhookId=" + webhookId + "]";
    }
}
