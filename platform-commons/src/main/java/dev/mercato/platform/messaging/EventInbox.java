package dev.mercato.platform.messaging;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.api.WriteConflicts;
import dev.mercato.platform.web.RequestIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The idempotent consumer: applies an event's effect at most once per consumer. The event id is
 * remembered in {@code processed_event} in the same transaction as the effect, so a redelivered
 * event (Kafka is at-least-once) changes nothing. Failures are retried with a jittered backoff — a few times,
 * or more when the transaction lost a race with another one over a shared row; poison records fail at once,
 * and the channel's dead-letter strategy takes them off the partition.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);
    private static final int ATTEMPTS = 4;
    private static final int ATTEMPTS_AFTER_LOST_RACES = 12;

    private final ObjectMapper json;
    private final MeterRegistry registry;

    public EventInbox(ObjectMapper json, MeterRegistry registry) {
        this.json = json;
        this.registry = registry;
    }

    /**
     * Parses {@code record} and runs {@code effect} once for its event id, inside one transaction.
     *
     * @param consumer a stable name for this consumer, e.g. {@code order-service.accounts}
     */
    public Uni<Void> handleOnce(String consumer, ConsumerRecord<String, String> record,
            Function<IncomingEvent, Uni<Void>> effect) {
        return handleOnce(consumer, record, event -> true, effect);
    }

    /**
     * As {@link #handleOnce(String, ConsumerRecord, Function)}, but an event {@code relevant} refuses is passed over
     * without a transaction or an inbox row (outcome {@code ignored}): an event that changes nothing needs no
     * protection against being applied twice. For a consumer that acts on few of its topic's events, such as one
     * status of a snapshot, this saves a database transaction for every other one.
     */
    public Uni<Void> handleOnce(String consumer, ConsumerRecord<String, String> record, Predicate<IncomingEvent> relevant,
            Function<IncomingEvent, Uni<Void>> effect) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(record, json);
            if (!relevant.test(event)) {
                count(consumer, "ignored");
                return Uni.createFrom().voidItem();
            }
        } catch (PoisonEventException e) {
            return poison(consumer, e);
        }
        RequestIds.bind(event.requestId() != null ? event.requestId() : event.id());
        AtomicInteger failures = new AtomicInteger();
        return Uni.createFrom().deferred(() -> Panache.withTransaction(() -> rememberFirstTime(consumer, event)
                        .chain(firstTime -> firstTime ? effect.apply(event).replaceWith(true) : Uni.createFrom().item(false))))
                .onFailure(failure -> worthAnotherAttempt(failure, failures.incrementAndGet()))
                .retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(2)).withJitter(0.5).indefinitely()
                .onItem().invoke(applied -> count(consumer, applied ? "processed" : "duplicate"))
                .onFailure().invoke(e -> {
                    if (e instanceof PoisonEventException poison) {
                        countPoison(consumer, poison);
                    } else {
                        count(consumer, "failed");
                        LOG.errorf(e, "%s could not process event %s (%s); it goes to the dead-letter topic",
                                consumer, event.id(), event.type());
                    }
                })
                .replaceWithVoid();
    }

    /**
     * A poison record never; a transaction that lost a race with another handling of a row they share (two
     * consumers of one customer's orders) up to {@value #ATTEMPTS_AFTER_LOST_RACES} times, since it succeeds once the
     * other one committed; any other failure (the database away, a bug) up to {@value #ATTEMPTS} times.
     */
    static boolean worthAnotherAttempt(Throwable failure, int failures) {
        if (failure instanceof PoisonEventException) {
            return false;
        }
        return failures < (WriteConflicts.isLostRace(failure) ? ATTEMPTS_AFTER_LOST_RACES : ATTEMPTS);
    }

    /** Inserts the event id; emits true when this consumer has not seen it before. */
    private Uni<Boolean> rememberFirstTime(String consumer, IncomingEvent event) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into processed_event (consumer, event_id, event_type, processed_at)
                values (:consumer, :eventId, :eventType, now())
                on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", event.id())
                .setParameter("eventType", event.type())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    private Uni<Void> poison(String consumer, PoisonEventException e) {
        countPoison(consumer, e);
        return Uni.createFrom().failure(e);
    }

    private void countPoison(String consumer, PoisonEventException e) {
        count(consumer, "poison");
        LOG.warnf("%s sends a record to the dead-letter topic: %s", consumer, e.getMessage());
    }

    private void count(String consumer, String outcome) {
        registry.counter("mercato.events.consumed", "consumer", consumer, "outcome", outcome).increment();
    }
}
