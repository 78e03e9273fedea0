package dev.mercato.billing.run;

import java.time.YearMonth;
import java.time.ZoneOffset;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.mercato.platform.scheduling.PeriodicRounds;
import io.quarkus.runtime.StartupEvent;

/**
 * Billing's own timers: the usage adjustment sweep, and (when enabled) the run of the previous month, so
 * customers are billed at the end of their period without anyone calling. A failed round is logged and
 * the next one tries again; a round still going when the next is due is not started twice.
 */
@Singleton
public class BillingSchedules {

    private final PeriodicRounds rounds;
    private final BillingConfig config;
    private final BillingRuns runs;
    private final UsageAdjustments adjustments;

    public BillingSchedules(PeriodicRounds rounds, BillingConfig config, BillingRuns runs, UsageAdjustments adjustments) {
        this.rounds = rounds;
        this.config = config;
        this.runs = runs;
        this.adjustments = adjustments;
    }

    void start(@Observes StartupEvent started) {
        rounds.every("usage adjustments", config.adjustmentInterval(), adjustments::sweep);
        if (config.schedule().enabled()) {
            rounds.every("scheduled billing run", config.schedule().interval(), () -> runs
                    .run(YearMonth.now(ZoneOffset.UTC).minusMonths(1), false, config.schedule().finalizeInvoices())
                    .map(BillingRunResponse::invoicesCreated));
        }
    }
}
