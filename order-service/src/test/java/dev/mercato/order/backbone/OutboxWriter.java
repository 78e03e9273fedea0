package dev.mercato.order.backbone;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

/** Commits outbox events the way a service method does, one transaction per call, from a test thread. */
@ApplicationScoped
public class OutboxWriter {

    private final Outbox outbox;

    public OutboxWriter(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Commits one event; returns its event id. */
    public String commit(String topic, String key, String type, Object payload) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> outbox.publish(topic, key, type, payload))).eventId;
        } catch (Throwable e) {
            throw new IllegalStateException("could not commit the event", e);
        }
    }
}
