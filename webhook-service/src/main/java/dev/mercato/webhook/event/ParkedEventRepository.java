package dev.mercato.webhook.event;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Events waiting for an organization. */
@ApplicationScoped
public class ParkedEventRepository implements PanacheRepositoryBase<ParkedEvent, Long> {
}
