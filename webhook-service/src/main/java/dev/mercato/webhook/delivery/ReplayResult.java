package dev.mercato.webhook.delivery;

/** How many messages a replay or redelivery queued again. */
public record ReplayResult(int queued) {
}
