package dev.mercato.billing.run;

import java.time.Clock;
import java.time.YearMonth;

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
    private final Clock clock;

    public BillingSchedules(PeriodicRounds rounds, BillingConfig config, BillingRuns runs, UsageAdjustments adjustments,
            Clock clock) {
        this.rounds = rounds;
        this.config = config;
        this.runs = runs;
        this.adjustments = adjustments;
        this.clock = clock;
    }

    void start(@Observes StartupEvent started) {
        rounds.every("usage adjustments", config.adjustmentInterval(), adjustments::sweep);
        if (config.schedule().enabled()) {
            rounds.every("scheduled billing run", config.schedule().interval(), () -> runs
                    .run(scheduledMonth(), false, config.schedule().finalizeInvoices())
                    .map(BillingRunResponse::invoicesCreated));
        }
    }

    /** The month a scheduled run bills: the one before the current month of business time. */
    YearMonth scheduledMonth() {
        return YearMonth.now(clock).minusMonths(1);
    }
}
