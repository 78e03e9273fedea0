package dev.mercato.platform.outbox;

import java.time.Duration;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.mercato.platform.persistence.OwnConnections;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * Listens on {@link Outbox#CHANNEL} over a connection of its own ({@code PgSubscriber}) and calls
 * back on every notification, and each time the {@code LISTEN} is (re)established, since
 * notifications sent while the connection was down are lost. A dropped connection is reopened every
 * second, for as long as the service runs.
 */
@ApplicationScoped
public class OutboxNotifications {

    private static final Logger LOG = Logger.getLogger(OutboxNotifications.class);
    private static final Duration RECONNECT_EVERY = Duration.ofSeconds(1);

    /** How the connection shows in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "mercato-outbox-listen";

    private final Vertx vertx;
    private final PgConnectOptions options;
    private PgSubscriber subscriber;
    private volatile boolean closed;

    public OutboxNotifications(Vertx vertx, OwnConnections database) {
        this.vertx = vertx;
        this.options = database.options(APPLICATION_NAME, Map.of());
    }

    /** Starts listening; {@code onNotify} runs on an event loop and must not block. */
    void listen(Runnable onNotify) {
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(attempts -> RECONNECT_EVERY.toMillis());
        subscriber.channel(Outbox.CHANNEL)
                .subscribeHandler(ignored -> onNotify.run())
                .handler(ignored -> onNotify.run());
        subscriber.closeHandler(ignored -> {
            if (!closed) {
                LOG.warn("outbox notifications stopped; relaying on the fallback poll until they resume");
            }
        });
        connect();
    }

    private void connect() {
        subscriber.connect().onFailure(failure -> {
            if (!closed) {
                LOG.warnf("cannot listen for outbox notifications (%s); trying again in %d ms", failure.toString(),
                        RECONNECT_EVERY.toMillis());
                vertx.setTimer(RECONNECT_EVERY.toMillis(), id -> connect());
            }
        });
    }

    void close() {
        closed = true;
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
