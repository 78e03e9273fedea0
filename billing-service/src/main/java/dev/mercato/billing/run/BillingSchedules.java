package dev.mercato.billing.run;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Billing's own timers: the usage adjustment sweep, and (when enabled) the run of the previous month, so
 * customers are billed at the end of their period without anyone calling. A failed round is logged and
 * the next one tries again; a round still going when the next is due is not started twice.
 */
@Singleton
public class BillingSchedules {

    private static final Logger LOG = Logger.getLogger(BillingSchedules.class);

    private final Vertx vertx;
    private final BillingConfig config;
    private final BillingRuns runs;
    private final UsageAdjustments adjustments;

    public BillingSchedules(Vertx vertx, BillingConfig config, BillingRuns runs, UsageAdjustments adjustments) {
        this.vertx = vertx;
        this.config = config;
        this.runs = runs;
        this.adjustments = adjustments;
    }

    void start(@Observes StartupEvent started) {
        every("usage adjustments", config.adjustmentInterval(), adjustments::sweep);
        if (config.schedule().enabled()) {
            every("scheduled billing run", config.schedule().interval(), () -> runs
                    .run(YearMonth.now(ZoneOffset.UTC).minusMonths(1), false, config.schedule().finalizeInvoices())
                    .map(BillingRunResponse::invoicesCreated));
        }
    }

    private void every(String what, Duration interval, Supplier<Uni<Integer>> round) {
        AtomicBoolean running = new AtomicBoolean();
        vertx.setPeriodic(interval.toMillis(), id -> {
            if (!running.compareAndSet(false, true)) {
                return;
            }
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
