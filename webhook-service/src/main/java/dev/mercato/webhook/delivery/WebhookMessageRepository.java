package dev.mercato.webhook.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Webhook messages. */
@ApplicationScoped
public class WebhookMessageRepository implements PanacheRepositoryBase<WebhookMessage, String> {
}
