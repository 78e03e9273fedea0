package dev.mercato.platform.outbox;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The outbox rows Kafka refused for good: {@code mercato_outbox_failed_total} counts them as they
 * fail, the gauge {@code mercato_outbox_failed_events} says how many are in the table now (until an
 * operator re-queues or deletes them), and {@link OutboxHealthCheck} reports the same number.
 */
@ApplicationScoped
public class FailedOutboxEvents {

    private final Pool pool;
    private final Counter failedTotal;
    private final AtomicLong inTable = new AtomicLong();

    public FailedOutboxEvents(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        this.failedTotal = Counter.builder("mercato.outbox.failed")
                .description("Outbox events Kafka refused for good, marked failed").register(registry);
        registry.gauge("mercato.outbox.failed.events", inTable);
    }

    void recorded(int count) {
        failedTotal.increment(count);
    }

    /** Counts the failed rows now (and updates the gauge). */
    public Uni<Long> count() {
        return pool.query("select count(*) from outbox_event where failed_at is not null").execute()
                .map(rows -> rows.iterator().next().getLong(0))
                .invoke(inTable::set);
    }
}
