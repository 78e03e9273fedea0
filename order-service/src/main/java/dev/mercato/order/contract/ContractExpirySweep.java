package dev.mercato.order.contract;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.mercato.order.Rows;
import dev.mercato.order.sweep.Sweeps;
import dev.mercato.platform.events.ContractExpiringV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Publishes {@code contract.expiring} at 90, 60 and 30 days before a contract's end date, every sweep
 * interval. Each notice is first recorded in {@code contract_expiry_notice} (contract, end date, threshold)
 * with {@code on conflict do nothing}, in the transaction that publishes it: a notice is sent once, however
 * often the sweep runs, on however many instances, across restarts; one missed while the service was down
 * goes out at the next sweep. Only thresholds reached since the end date was set count, and the contract's
 * snapshot follows each notice so the compacted topic's last record per key stays a snapshot.
 */
@Singleton
public class ContractExpirySweep {

    /** The earliest notice, in days before the end date. */
    static final int FIRST_NOTICE = 90;

    static final int BATCH = 500;

    private final ContractRepository contracts;
    private final ContractSnapshots snapshots;
    private final Outbox outbox;
    private final Sweeps sweeps;
    private final Clock clock;

    public ContractExpirySweep(ContractRepository contracts, ContractSnapshots snapshots, Outbox outbox,
            Sweeps sweeps, Clock clock) {
        this.clock = clock;
        this.contracts = contracts;
        this.snapshots = snapshots;
        this.outbox = outbox;
        this.sweeps = sweeps;
    }

    void schedule(@Observes StartupEvent event) {
        sweeps.every("contract.expiring notices sent", this::run);
    }

    /** Sends every notice that is due, a batch per transaction; emits how many. */
    public Uni<Integer> run() {
        LocalDate today = LocalDate.now(clock);
        return batch(today).chain(count -> count < BATCH ? Uni.createFrom().item(count)
                : run().map(more -> count + more));
    }

    private Uni<Integer> batch(LocalDate today) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> contracts.getSession().chain(session -> session
                .createNativeQuery("""
                        select c.id, t.days from contract c cross join (values (90), (60), (30)) as t (days)
                        where c.contract_end_date >= :today and c.contract_end_date <= :horizon
                          and c.contract_end_date - t.days <= :today
                          and c.contract_end_date - t.days >= c.end_date_set_on
                          and not exists (select 1 from contract_expiry_notice n
                                          where n.contract_id = c.id and n.contract_end_date = c.contract_end_date
                                            and n.days_before = t.days)
                        order by c.id, t.days desc
                        limit %d""".formatted(BATCH), Object[].class)
                .setParameter("today", today)
                .setParameter("horizon", today.plusDays(FIRST_NOTICE))
                .getResultList())
                .chain(due -> Rows.each(due, row -> notify((String) row[0], ((Number) row[1]).intValue(), today, now))
                        .replaceWith(due.size())));
    }

    private Uni<Void> notify(String contractId, int daysBefore, LocalDate today, Instant now) {
        return contracts.getSession().chain(session -> session.createNativeQuery("""
                insert into contract_expiry_notice (contract_id, contract_end_date, days_before, sent_at)
                select id, contract_end_date, :days, :now from contract where id = :id
                on conflict do nothing""")
                .setParameter("days", daysBefore)
                .setParameter("now", now)
                .setParameter("id", contractId)
                .executeUpdate())
                .chain(recorded -> recorded == 0 ? Uni.createFrom().voidItem() // another sweep sent it
                        : contracts.findById(contractId).chain(contract -> outbox
                                .publish(Topics.ORDERS_CONTRACTS, contract.id, ContractExpiringV1.EXPIRING,
                                        notice(contract, daysBefore, today, now))
                                .chain(() -> snapshots.publish(contract))
                                .replaceWithVoid()));
    }

    private static ContractExpiringV1 notice(Contract contract, int daysBefore, LocalDate today, Instant now) {
        return new ContractExpiringV1(contract.id, contract.contractNumber, contract.customer.id, contract.customer.csn,
                contract.customer.name, contract.channel.resellerCsn, contract.channel.distributorCsn,
                contract.contractManager == null ? null : contract.contractManager.email, contract.contractEndDate,
                daysBefore, (int) ChronoUnit.DAYS.between(today, contract.contractEndDate), contract.totalSeats, now);
    }
}
