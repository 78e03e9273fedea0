package dev.mercato.order.transaction;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.mercato.platform.messaging.EventInbox;
import io.smallrye.mutiny.Uni;

/**
 * Processes transactions from {@code orders.transactions}, each event once; snapshots of a transaction that has
 * finished (PROCESSED, REJECTED) or is STUCK, and the PROCESSING snapshot of one this instance finished itself, are
 * passed over without a database transaction. After a PENDING
 * snapshot has started a transaction it finishes it straight away ({@link TransactionProcessor}), and only then.
 * The topic is keyed by transaction id, so one transaction's events reach one consumer in order; the channel's
 * concurrency runs several consumers of the group in this instance.
 */
@ApplicationScoped
public class TransactionEventsConsumer {

    static final String CONSUMER = "order-service.transaction-processing";

    private final EventInbox inbox;
    private final TransactionProcessor processor;

    public TransactionEventsConsumer(EventInbox inbox, TransactionProcessor processor) {
        this.inbox = inbox;
        this.processor = processor;
    }

    @Incoming("orders-transactions")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        AtomicBoolean started = new AtomicBoolean();
        return inbox.handleOnce(CONSUMER, record, processor::mayAct,
                        event -> processor.apply(event).invoke(started::set).replaceWithVoid())
                .chain(() -> started.get() ? processor.finishStarted(record.key()) : Uni.createFrom().voidItem());
    }
}
