package dev.mercato.order.backbone;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.outbox.Outbox;
import dev.mercato.platform.outbox.OutboxEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;

/** Commits outbox events the way a service method does, one transaction per call, from a test thread. */
@ApplicationScoped
public class OutboxWriter {

    private final Outbox outbox;

    public OutboxWriter(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Commits one event; returns its event id. */
    public String commit(String topic, String key, String type, Object payload) {
        return commitEvent(topic, key, type, payload).eventId;
    }

    /** Commits one event; returns its outbox row as written. */
    public OutboxEvent commitEvent(String topic, String key, String type, Object payload) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> outbox.publish(topic, key, type, payload)));
        } catch (Throwable e) {
            throw new IllegalStateException("could not commit the event", e);
        }
    }

    /** Commits one event per payload, all in one transaction (so the relay reads them in one round); returns their ids. */
    public List<String> commitTogether(String topic, String key, String type, Object... payloads) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Multi.createFrom()
                    .items(payloads).onItem().transformToUniAndConcatenate(payload -> outbox.publish(topic, key, type, payload))
                    .map(event -> event.eventId).collect().asList()));
        } catch (Throwable e) {
            throw new IllegalStateException("could not commit the events", e);
        }
    }
}
