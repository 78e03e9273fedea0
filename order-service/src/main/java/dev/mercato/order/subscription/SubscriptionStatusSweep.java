package dev.mercato.order.subscription;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.mercato.order.sweep.Sweeps;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Brings subscription statuses up to date with the calendar (UTC), every sweep interval: INACTIVE turns
 * ACTIVE on the start date, ACTIVE turns EXPIRED the day after the end date, without anyone asking (any other
 * change of status comes with a change of dates, made by the domain services, which set it then). One
 * UPDATE … RETURNING flips a batch of rows claimed with {@code for update skip locked} (two instances never
 * flip one twice) and the same transaction publishes them and what follows (entitlements, teams).
 */
@Singleton
public class SubscriptionStatusSweep {

    static final int BATCH = 500;

    private static final String STATUS_ON_TODAY = """
            case when retired_at is not null or end_date < :today then 'EXPIRED'
                 when start_date > :today then 'INACTIVE'
                 else 'ACTIVE' end""";

    private final SubscriptionRepository subscriptions;
    private final SubscriptionChanges changes;
    private final Sweeps sweeps;
    private final Clock clock;

    public SubscriptionStatusSweep(SubscriptionRepository subscriptions, SubscriptionChanges changes, Sweeps sweeps, Clock clock) {
        this.clock = clock;
        this.subscriptions = subscriptions;
        this.changes = changes;
        this.sweeps = sweeps;
    }

    void schedule(@Observes StartupEvent event) {
        sweeps.every("subscription statuses changed by date", this::run);
    }

    /** Flips every subscription whose status today's date changes, a batch per transaction; emits how many. */
    public Uni<Integer> run() {
        LocalDate today = LocalDate.now(clock);
        return batch(today).chain(count -> count < BATCH ? Uni.createFrom().item(count)
                : run().map(more -> count + more));
    }

    private Uni<Integer> batch(LocalDate today) {
        return Panache.withTransaction(() -> subscriptions.getSession().chain(session -> session
                .createNativeQuery("""
                        update subscription set status = %s, last_updated = now(), version = version + 1
                        where id in (
                            select id from subscription
                            where (status <> 'EXPIRED' and (end_date < :today or retired_at is not null))
                               or (status = 'INACTIVE' and start_date <= :today)
                            order by id limit %d
                            for update skip locked)
                        returning *""".formatted(STATUS_ON_TODAY, BATCH), Subscription.class)
                .setParameter("today", today)
                .getResultList())
                .chain(changed -> changes.published(changed).replaceWith(changed.size())));
    }
}
