package dev.mercato.order.opportunity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.mercato.order.Rows;
import dev.mercato.order.contract.ContractRepository;
import dev.mercato.order.subscription.SubscriptionChanges;
import dev.mercato.order.subscription.SubscriptionRepository;
import dev.mercato.order.sweep.Sweeps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Opens renewal opportunities 90 days before subscriptions end, every sweep interval: one per contract and
 * end date that has none, listing the contract's subscriptions ending then, which take its number. The
 * unique key on contract and end date makes it once, whatever runs twice or on two instances (the loser's
 * transaction fails and its next sweep finds the opportunity there).
 */
@Singleton
public class OpportunitySweep {

    /** How far ahead of a subscription's end date its renewal opportunity opens. */
    public static final int DAYS_AHEAD = 90;

    static final int BATCH = 100;

    private final ContractRepository contracts;
    private final SubscriptionRepository subscriptions;
    private final OpportunityService opportunities;
    private final SubscriptionChanges changes;
    private final Sweeps sweeps;
    private final Clock clock;

    public OpportunitySweep(ContractRepository contracts, SubscriptionRepository subscriptions,
            OpportunityService opportunities, SubscriptionChanges changes, Sweeps sweeps, Clock clock) {
        this.clock = clock;
        this.contracts = contracts;
        this.subscriptions = subscriptions;
        this.opportunities = opportunities;
        this.changes = changes;
        this.sweeps = sweeps;
    }

    void schedule(@Observes StartupEvent event) {
        sweeps.every("renewal opportunities opened", this::run);
    }

    /** Opens every opportunity that is due, a batch per transaction; emits how many. */
    public Uni<Integer> run() {
        LocalDate today = LocalDate.now(clock);
        return batch(today).chain(count -> count < BATCH ? Uni.createFrom().item(count)
                : run().map(more -> count + more));
    }

    private Uni<Integer> batch(LocalDate today) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> subscriptions.getSession().chain(session -> session
                .createSelectionQuery("""
                        select distinct s.contractId, s.endDate from Subscription s
                        where s.retiredAt is null and s.endDate >= :today and s.endDate <= :horizon
                          and not exists (from Opportunity o
                                          where o.contractId = s.contractId and o.subscriptionEndDate = s.endDate)
                        order by s.endDate, s.contractId""", Object[].class)
                .setParameter("today", today)
                .setParameter("horizon", today.plusDays(DAYS_AHEAD))
                .setMaxResults(BATCH)
                .getResultList())
                .chain(due -> Rows.each(due, row -> open((String) row[0], (LocalDate) row[1], now))
                        .replaceWith(due.size())));
    }

    private Uni<Void> open(String contractId, LocalDate endDate, Instant now) {
        return contracts.findById(contractId).chain(contract -> subscriptions.endingOn(contractId, endDate)
                .chain(ending -> opportunities.open(contract, endDate, ending, now)
                        .chain(opportunity -> {
                            ending.forEach(subscription -> {
                                subscription.opportunityNumber = opportunity.opportunityNumber;
                                subscription.lastUpdated = now;
                            });
                            return changes.published(List.copyOf(ending));
                        })));
    }
}
