package dev.mercato.platform.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The idempotent consumer for a whole poll of records (a channel in SmallRye's batch mode): where {@link EventInbox}
 * spends a transaction on every event, this spends one on every batch, which is what lets a consumer keep up with
 * thousands of events a second. In that transaction the batch's event ids are remembered in {@code processed_event}
 * with one statement, and the effect is applied to the events seen for the first time only; a redelivered batch, or
 * an event repeated inside one, changes nothing.
 * <p>
 * Each event is first turned into what the effect needs by a pure {@code prepare} function; a record that cannot be
 * read or prepared ({@link PoisonEventException}) goes alone to the channel's dead-letter topic and the rest of the
 * batch goes on. A failed transaction is retried like {@link EventInbox}'s (with backoff; longer after lost races);
 * when the retries are spent the batch fails, and the channel's failure strategy dead-letters its records.
 */
@ApplicationScoped
public class BatchInbox {

    private static final Logger LOG = Logger.getLogger(BatchInbox.class);

    private final Pool pool;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final DeadLetters deadLetters;
    private final Config config;

    public BatchInbox(Pool pool, ObjectMapper json, MeterRegistry registry, DeadLetters deadLetters, Config config) {
        this.pool = pool;
        this.json = json;
        this.registry = registry;
        this.deadLetters = deadLetters;
        this.config = config;
    }

    /**
     * Applies {@code effect}, in one transaction, to the prepared form of every event of {@code records} this
     * consumer has not seen before. An event {@code prepare} maps to null needs no effect, and so no protection
     * against being applied twice: it is passed over without an inbox row (outcome {@code ignored}), and a poll of
     * nothing else without a transaction.
     *
     * @param channel the incoming channel, whose {@code dead-letter-queue.topic} takes poison records
     * @param consumer a stable name for this consumer, e.g. {@code webhook-service.entitlements}
     */
    public <T> Uni<Void> handleOnce(String channel, String consumer, Iterable<ConsumerRecord<String, String>> records,
            Function<IncomingEvent, T> prepare, BiFunction<SqlClient, List<T>, Uni<Void>> effect) {
        return handle(channel, consumer, records, prepare, effect, true);
    }

    /**
     * As {@link #handleOnce}, for an effect that recognises a repeat by a key of its own (an insert that keeps the row
     * it already has, under the event's id): no {@code processed_event} row is written, which halves the writes of a
     * consumer that stores each event as a row. Repeats inside the batch are still dropped; every event of the batch
     * is counted as processed.
     */
    public <T> Uni<Void> handleIdempotent(String channel, String consumer, Iterable<ConsumerRecord<String, String>> records,
            Function<IncomingEvent, T> prepare, BiFunction<SqlClient, List<T>, Uni<Void>> effect) {
        return handle(channel, consumer, records, prepare, effect, false);
    }

    private <T> Uni<Void> handle(String channel, String consumer, Iterable<ConsumerRecord<String, String>> records,
            Function<IncomingEvent, T> prepare, BiFunction<SqlClient, List<T>, Uni<Void>> effect, boolean remember) {
        List<Prepared<T>> batch = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Uni<Void> poisoned = Uni.createFrom().voidItem();
        int repeats = 0;
        int ignored = 0;
        for (ConsumerRecord<String, String> record : records) {
            try {
                IncomingEvent event = IncomingEvent.from(record, json);
                T prepared = prepare.apply(event);
                if (prepared == null) {
                    ignored++;
                } else if (ids.add(event.id())) {
                    batch.add(new Prepared<>(event, prepared));
                } else {
                    repeats++;
                }
            } catch (PoisonEventException e) {
                poisoned = poisoned.chain(() -> deadLetter(channel, consumer, record, e));
            }
        }
        count(consumer, "duplicate", repeats);
        count(consumer, "ignored", ignored);
        return poisoned.chain(() -> batch.isEmpty() ? Uni.createFrom().voidItem() : apply(consumer, batch, effect, remember));
    }

    private <T> Uni<Void> apply(String consumer, List<Prepared<T>> batch,
            BiFunction<SqlClient, List<T>, Uni<Void>> effect, boolean remember) {
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger firstTime = new AtomicInteger();
        return Uni.createFrom().deferred(() -> pool.withTransaction(sql -> firstSeen(sql, consumer, batch, remember)
                        .chain(fresh -> {
                            firstTime.set(fresh.size());
                            List<T> effects = fresh.stream().map(Prepared::prepared).toList();
                            return effects.isEmpty() ? Uni.createFrom().voidItem() : effect.apply(sql, effects);
                        })))
                .onFailure(failure -> EventInbox.worthAnotherAttempt(failure, failures.incrementAndGet()))
                .retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).withJitter(0.5).indefinitely()
                .onItem().invoke(() -> {
                    count(consumer, "processed", firstTime.get());
                    count(consumer, "duplicate", batch.size() - firstTime.get());
                })
                .onFailure().invoke(e -> {
                    count(consumer, "failed", batch.size());
                    LOG.errorf(e, "%s could not process a batch of %d events (first %s); they go to the dead-letter topic",
                            consumer, batch.size(), batch.get(0).event().id());
                });
    }

    /** The events of {@code batch} to apply: all of them when the effect recognises repeats itself. */
    private static <T> Uni<List<Prepared<T>>> firstSeen(SqlClient sql, String consumer, List<Prepared<T>> batch,
            boolean remember) {
        return remember ? rememberFirstTime(sql, consumer, batch) : Uni.createFrom().item(batch);
    }

    /** Inserts the batch's event ids; emits, in batch order, the events this consumer had not seen before. */
    private static <T> Uni<List<Prepared<T>>> rememberFirstTime(SqlClient sql, String consumer, List<Prepared<T>> batch) {
        String[] ids = batch.stream().map(p -> p.event().id()).toArray(String[]::new);
        String[] types = batch.stream().map(p -> p.event().type()).toArray(String[]::new);
        return sql.preparedQuery("""
                        insert into processed_event (consumer, event_id, event_type, processed_at)
                        select $1, e.id, e.type, now() from unnest($2::varchar[], $3::varchar[]) as e(id, type)
                        on conflict do nothing
                        returning event_id""")
                .execute(Tuple.of(consumer, ids, types))
                .map(rows -> {
                    Set<String> inserted = new HashSet<>();
                    rows.forEach(row -> inserted.add(row.getString(0)));
                    return batch.stream().filter(p -> inserted.contains(p.event().id())).toList();
                });
    }

    private Uni<Void> deadLetter(String channel, String consumer, ConsumerRecord<String, String> record,
            PoisonEventException e) {
        count(consumer, "poison", 1);
        LOG.warnf("%s sends a record to the dead-letter topic: %s", consumer, e.getMessage());
        String topic = config.getValue("mp.messaging.incoming." + channel + ".dead-letter-queue.topic", String.class);
        return deadLetters.send(topic, record, e.getMessage());
    }

    private void count(String consumer, String outcome, int events) {
        if (events > 0) {
            registry.counter("mercato.events.consumed", "consumer", consumer, "outcome", outcome).increment(events);
        }
    }

    private record Prepared<T>(IncomingEvent event, T prepared) {
    }
}
