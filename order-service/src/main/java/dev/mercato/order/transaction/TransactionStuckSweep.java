package dev.mercato.order.transaction;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.mercato.platform.scheduling.PeriodicRounds;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Marks transactions STUCK that are still PENDING or PROCESSING {@code processing-timeout} after their last
 * change, every {@code stuck-sweep-interval}, and publishes each: whatever stopped while they waited (the
 * processor, the broker), the next sweep finds them and they can be retried. The update bumps the row's version,
 * so a processing step that read the row before commits nothing; {@code for update skip locked} keeps two
 * instances from marking one transaction twice.
 */
@Singleton
public class TransactionStuckSweep {

    private static final Logger LOG = Logger.getLogger(TransactionStuckSweep.class);
    static final int BATCH = 500;

    private final TransactionService service;
    private final TransactionConfig config;
    private final PeriodicRounds rounds;

    public TransactionStuckSweep(TransactionService service, TransactionConfig config, PeriodicRounds rounds) {
        this.service = service;
        this.config = config;
        this.rounds = rounds;
    }

    void schedule(@Observes StartupEvent event) {
        rounds.every("marking of stuck transactions", config.stuckSweepInterval(), this::markStuck, stuck -> {
            if (stuck > 0) {
                LOG.warnf("%d transaction(s) not finished within %s are STUCK", stuck, config.processingTimeout());
            }
        });
    }

    /** Marks every overdue transaction STUCK, a batch per transaction; emits how many. */
    public Uni<Integer> markStuck() {
        return markBatch().chain(count -> count < BATCH ? Uni.createFrom().item(count)
                : markStuck().map(more -> count + more));
    }

    private Uni<Integer> markBatch() {
        String message = "Not finished within " + config.processingTimeout() + "; retry it with POST /api/v1/transactions/";
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("""
                        update order_transaction
                        set status = 'STUCK', status_message = :message || id || '/retry', updated_at = now(), version = version + 1
                        where status in ('PENDING', 'PROCESSING') and id in (
                            select id from order_transaction
                            where status in ('PENDING', 'PROCESSING')
                              and updated_at < now() - make_interval(secs => :timeout)
                            order by updated_at limit %d
                            for update skip locked)
                        returning *""".formatted(BATCH), OrderTransaction.class)
                .setParameter("message", message)
                .setParameter("timeout", (double) config.processingTimeout().toMillis() / 1000)
                .getResultList())
                .chain(this::publishAll));
    }

    private Uni<Integer> publishAll(List<OrderTransaction> stuck) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OrderTransaction transaction : stuck) {
            chain = chain.chain(() -> service.publish(transaction));
        }
        return chain.replaceWith(stuck.size());
    }
}
