package dev.mercato.order.transaction;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.TransactionChangedV1;
import io.quarkus.hibernate.reactive.panache.Panache;
import dev.mercato.platform.messaging.IncomingEvent;
import io.smallrye.mutiny.Uni;

/**
 * Moves a transaction through processing in two committed steps: PENDING → PROCESSING, then the order's
 * effect and PROCESSED (or REJECTED with the reason) in one commit. The consumer takes both steps for the
 * PENDING snapshot it receives ({@link #apply} in the inbox's transaction, then {@link #finishStarted} in a
 * transaction of its own), so an order does not wait for its PROCESSING snapshot to travel through the outbox
 * and Kafka; that snapshot still arrives and finishes the transaction when the process died between the
 * steps. A step runs only when the stored transaction is still in the snapshot's status and attempt, and the
 * row's version check fails a commit that raced the stuck sweep or the other path, so an effect is applied
 * at most once whatever is redelivered or retried.
 */
@ApplicationScoped
public class TransactionProcessor {

    private static final Logger LOG = Logger.getLogger(TransactionProcessor.class);

    /** How many finished transactions an instance remembers, to pass over their PROCESSING snapshots. */
    private static final int REMEMBERED = 10_000;

    private final TransactionRepository transactions;
    private final TransactionService service;
    private final FinishedHere finishedHere = new FinishedHere(REMEMBERED);
    private final TransactionEffects effects;
    private final ObjectMapper json;

    public TransactionProcessor(TransactionRepository transactions, TransactionService service,
            TransactionEffects effects, ObjectMapper json) {
        this.transactions = transactions;
        this.service = service;
        this.effects = effects;
        this.json = json;
    }

    /**
     * False for a snapshot {@link #apply} is known to leave alone: a transaction that has finished or is STUCK (its
     * retry publishes a PENDING one), and the PROCESSING snapshot of an attempt this instance finished itself right
     * after starting it ({@link #finishStarted}). Anything else, a malformed event included, goes through the inbox.
     */
    public boolean mayAct(IncomingEvent event) {
        if (!TransactionChangedV1.TYPE.equals(event.type())) {
            return true;
        }
        String status = event.data().path("status").asText();
        if (TransactionStatus.PROCESSING.name().equals(status)) {
            return !finishedHere.contains(event.data().path("id").asText(), event.data().path("attempt").asInt());
        }
        return !(TransactionStatus.PROCESSED.name().equals(status) || TransactionStatus.REJECTED.name().equals(status)
                || TransactionStatus.STUCK.name().equals(status));
    }

    /**
     * Takes the step {@code event}'s snapshot asks for, if it is still due; emits true when that step started a
     * PENDING transaction (which {@link #finishStarted} then finishes). A snapshot in any other status than those
     * two needs no step and is not looked up.
     */
    public Uni<Boolean> apply(IncomingEvent event) {
        if (!TransactionChangedV1.TYPE.equals(event.type())) {
            return Uni.createFrom().item(false);
        }
        TransactionChangedV1 snapshot = event.dataAs(TransactionChangedV1.class, json);
        if (!snapshot.status().equals(TransactionStatus.PENDING.name())
                && !snapshot.status().equals(TransactionStatus.PROCESSING.name())) {
            return Uni.createFrom().item(false);
        }
        return transactions.findById(snapshot.id()).chain(transaction -> {
            if (transaction == null || transaction.attempt != snapshot.attempt()
                    || !transaction.status.name().equals(snapshot.status())) {
                return Uni.createFrom().item(false); // a step already taken, or a snapshot of an earlier attempt
            }
            return transaction.status == TransactionStatus.PENDING
                    ? start(transaction).replaceWith(true)
                    : finish(transaction).replaceWith(false);
        });
    }

    /**
     * Takes the second step for transaction {@code id} if it is PROCESSING, in a transaction of its own, and once that
     * has committed remembers the attempt as finished here, so that its PROCESSING snapshot, when it arrives, is passed
     * over without a transaction. A failure is only logged: the PROCESSING snapshot (or the stuck sweep) still
     * finishes it.
     */
    public Uni<Void> finishStarted(String id) {
        return Panache.withTransaction(() -> transactions.findById(id)
                        .chain(transaction -> transaction != null && transaction.status == TransactionStatus.PROCESSING
                                ? finish(transaction).replaceWith(transaction.attempt)
                                : Uni.createFrom().<Integer>nullItem()))
                .invoke(attempt -> {
                    if (attempt != null) {
                        finishedHere.add(id, attempt);
                    }
                })
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.debugf(failure, "transaction %s: finishing right after its start failed; its PROCESSING event will", id);
                    return Uni.createFrom().voidItem();
                });
    }

    private Uni<Void> start(OrderTransaction transaction) {
        transaction.status = TransactionStatus.PROCESSING;
        return service.save(transaction).replaceWithVoid();
    }

    private Uni<Void> finish(OrderTransaction transaction) {
        return effects.apply(transaction)
                .map(ignored -> {
                    transaction.status = TransactionStatus.PROCESSED;
                    transaction.statusMessage = null;
                    return transaction;
                })
                .onFailure(OrderRejectedException.class).recoverWithItem(rejection -> {
                    LOG.infof("transaction %s rejected: %s", transaction.id, rejection.getMessage());
                    transaction.status = TransactionStatus.REJECTED;
                    transaction.statusMessage = rejection.getMessage();
                    return transaction;
                })
                .chain(done -> {
                    done.processedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return service.save(done);
                })
                .replaceWithVoid();
    }

    /** The latest attempts (transaction id and attempt) this instance finished, at most {@code capacity}. */
    private static final class FinishedHere {

        private final Map<String, Boolean> attempts;

        FinishedHere(int capacity) {
            this.attempts = Collections.synchronizedMap(new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > capacity;
                }
            });
        }

        void add(String id, int attempt) {
            attempts.put(id + "#" + attempt, Boolean.TRUE);
        }

        boolean contains(String id, int attempt) {
            return attempts.containsKey(id + "#" + attempt);
        }
    }
}
