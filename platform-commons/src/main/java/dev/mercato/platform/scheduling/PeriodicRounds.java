package dev.mercato.platform.scheduling;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Runs a round of background work (a sweep, a scheduled run) every interval on a context of its own. A failed
 * round is logged and the next one tries again; a round still going when the next is due is not started twice.
 */
@Singleton
public class PeriodicRounds {

    private static final Logger LOG = Logger.getLogger(PeriodicRounds.class);

    private final Vertx vertx;

    public PeriodicRounds(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Schedules {@code round} (which emits how many things it did), described as {@code what} in the log. */
    public void every(String what, Duration interval, Supplier<Uni<Integer>> round) {
        AtomicBoolean running = new AtomicBoolean();
        vertx.setPeriodic(interval.toMillis(), id -> {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            // Hibernate Reactive needs a duplicated context of its own, as a request would have.
            io.vertx.core.Context context = VertxContext.getOrCreateDuplicatedContext(vertx.getDelegate());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> Uni.createFrom().deferred(round::get)
                    .eventually(() -> running.set(false))
                    .subscribe().with(
                            done -> {
                                if (done > 0) {
                                    LOG.infof("%s: %d", what, done);
                                }
                            },
                            failure -> LOG.warnf("%s failed (will retry): %s", what, failure.toString())));
        });
    }
}
