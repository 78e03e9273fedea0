package dev.mercato.platform.scheduling;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Background work every interval, for every service. A round (a sweep, a purge, a scheduled run) runs every interval
 * on a context of its own; a failed round is logged and the next one tries again; a round still going when the next
 * is due is not started twice. Every timer stops when the service begins to shut down, so no round starts against
 * connection pools that are closing (a round already running finishes).
 */
@Singleton
public class PeriodicRounds {

    private static final Logger LOG = Logger.getLogger(PeriodicRounds.class);

    private final Vertx vertx;
    private final Set<Long> timers = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    public PeriodicRounds(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Schedules {@code round} (which emits how many things it did), described as {@code what} in the log. */
    public void every(String what, Duration interval, Supplier<Uni<Integer>> round) {
        every(what, interval, interval, round);
    }

    /** As {@link #every(String, Duration, Supplier)}, the first round after {@code firstAfter}. */
    public void every(String what, Duration firstAfter, Duration interval, Supplier<Uni<Integer>> round) {
        every(what, firstAfter, interval, round, done -> {
            if (done > 0) {
                LOG.infof("%s: %d", what, done);
            }
        });
    }

    /**
     * As {@link #every(String, Duration, Supplier)}, for a round whose outcome is more than a count: {@code done}
     * receives what each round that succeeded emitted (and logs it, if it should be).
     */
    public <T> void every(String what, Duration interval, Supplier<Uni<T>> round, Consumer<T> done) {
        every(what, interval, interval, round, done);
    }

    private <T> void every(String what, Duration firstAfter, Duration interval, Supplier<Uni<T>> round,
            Consumer<T> done) {
        AtomicBoolean running = new AtomicBoolean();
        tick(firstAfter, interval, () -> {
            if (!running.compareAndSet(false, true)) {
                return;
            }
            // Hibernate Reactive needs a duplicated context of its own, as a request would have.
            io.vertx.core.Context context = VertxContext.getOrCreateDuplicatedContext(vertx.getDelegate());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> Uni.createFrom().deferred(round::get)
                    .eventually(() -> running.set(false))
                    .subscribe().with(done,
                            failure -> LOG.warnf("%s failed (will retry): %s", what, failure.toString())));
        });
    }

    /**
     * Runs {@code tick} on an event loop every {@code interval}, for work that is not a round (it must not block, and
     * handles its own failures), until the service shuts down.
     */
    public void tick(Duration interval, Runnable tick) {
        tick(interval, interval, tick);
    }

    /** As {@link #tick(Duration, Runnable)}, the first time after {@code firstAfter}. */
    public void tick(Duration firstAfter, Duration interval, Runnable tick) {
        if (stopped) {
            return;
        }
        timers.add(vertx.setPeriodic(Math.max(1, firstAfter.toMillis()), interval.toMillis(), id -> {
            if (!stopped) {
                tick.run();
            }
        }));
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        timers.forEach(vertx::cancelTimer);
        timers.clear();
    }
}
