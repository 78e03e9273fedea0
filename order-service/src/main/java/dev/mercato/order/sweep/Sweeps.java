package dev.mercato.order.sweep;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Runs a date sweep every {@code mercato.orders.sweep-interval} on a context of its own. A failed run is
 * logged and the next one tries again; a run still going when the next is due is not started twice.
 */
@Singleton
public class Sweeps {

    private static final Logger LOG = Logger.getLogger(Sweeps.class);

    private final Vertx vertx;
    private final SweepConfig config;

    public Sweeps(Vertx vertx, SweepConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    /** Schedules {@code sweep} (which emits how many things it did), described as {@code what} in the log. */
    public void every(String what, Supplier<Uni<Integer>> sweep) {
        AtomicBoolean running = new AtomicBoolean();
        vertx.setPeriodic(config.sweepInterval().toMillis(), id -> {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            // Hibernate Reactive needs a duplicated context of its own, as a request would have.
            io.vertx.core.Context context = VertxContext.getOrCreateDuplicatedContext(vertx.getDelegate());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> Uni.createFrom().deferred(sweep::get)
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
