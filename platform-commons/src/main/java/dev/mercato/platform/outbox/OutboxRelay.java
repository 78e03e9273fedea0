package dev.mercato.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.mercato.platform.scheduling.PeriodicRounds;
import dev.mercato.platform.tracing.TraceContexts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Moves committed outbox events to Kafka, oldest first, with CloudEvents headers and the aggregate
 * id as key. A round starts when a commit's {@code NOTIFY} arrives ({@link OutboxNotifications}), on
 * the fallback poll, or right after a full batch; wake-ups during a round are folded into one next
 * round. At-least-once: a row is deleted only after Kafka acknowledged its event (Kafka keeps the events, so
 * the table holds only pending and failed rows); a crash in between sends it again, and consumers deduplicate
 * on its id. A row Kafka refuses for good is
 * marked failed and the others go on; a transient failure leaves the rows pending and backs off.
 * Only the instance holding the relay lock relays, which keeps each aggregate's events in order when the
 * service runs with several replicas: a session-level advisory lock on the relay's own connection
 * ({@link RelayConnection}), so a round is two statements in autocommit (read the batch, delete what Kafka has) rather than
 * a transaction of five round trips. Losing the connection releases the lock; the next round reconnects.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final RelayConnection connection;
    private final Vertx vertx;
    private final PeriodicRounds rounds;
    private final OutboxConfig config;
    private final OutboxNotifications notifications;
    private final FailedOutboxEvents failedEvents;
    private final TraceContexts traces;
    private final Map<String, Object> kafkaConfig;
    private final Counter published;
    private final Counter failedRounds;
    private final AtomicLong lagSeconds = new AtomicLong();
    /** A round is running or scheduled (after a failure); only one at a time. */
    private final AtomicBoolean roundActive = new AtomicBoolean();
    /** A wake-up came since the current round started: run another one after it. */
    private final AtomicBoolean wakeRequested = new AtomicBoolean();

    private ExecutorService sendThread;
    private OutboxSender sender;
    private volatile boolean running;
    private int failuresInARow;

    public OutboxRelay(RelayConnection connection, Vertx vertx, PeriodicRounds rounds, OutboxConfig config,
            OutboxNotifications notifications, FailedOutboxEvents failedEvents, TraceContexts traces,
            MeterRegistry registry, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.connection = connection;
        this.vertx = vertx;
        this.rounds = rounds;
        this.config = config;
        this.notifications = notifications;
        this.failedEvents = failedEvents;
        this.traces = traces;
        this.kafkaConfig = kafkaConfig;
        this.published = Counter.builder("mercato.outbox.published").description("Outbox events relayed to Kafka")
                .register(registry);
        this.failedRounds = Counter.builder("mercato.outbox.failures")
                .description("Relay rounds that hit a transient failure (Kafka or the database unavailable)")
                .register(registry);
        registry.gauge("mercato.outbox.lag.seconds", lagSeconds);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("outbox relay disabled on this instance");
            return;
        }
        sendThread = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        sender = new OutboxSender(kafkaConfig.get("bootstrap.servers"), config.linger(), traces);
        running = true;
        notifications.listen(this::wake);
        rounds.tick(config.fallbackPoll(), () -> {
            wake();
            failedEvents.count().subscribe().with(ignored -> { }, failure -> { });
        });
        wake();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        notifications.close();
        connection.close();
        if (sender != null) {
            sender.close();
        }
        if (sendThread != null) {
            sendThread.shutdownNow();
        }
    }

    /** Asks for a relay round: now, or right after the one in progress (any number of calls make one round). */
    void wake() {
        wakeRequested.set(true);
        if (running && roundActive.compareAndSet(false, true)) {
            startRound();
        }
    }

    private void startRound() {
        if (!running) {
            roundActive.set(false);
            return;
        }
        wakeRequested.set(false);
        relayOnce().subscribe().with(this::roundDone, this::roundFailed);
    }

    private void roundDone(Round round) {
        if (!round.failed().isEmpty()) {
            round.failed().forEach(failed -> LOG.errorf("Kafka refused %s for good: %s; it is marked failed and"
                    + " will not be retried", failed.event().describe(), failed.reason()));
            failedEvents.recorded(round.failed().size());
            failedEvents.count().subscribe().with(ignored -> { }, failure -> { });
        }
        if (round.transientFailure() != null) {
            roundFailed(round.transientFailure());
            return;
        }
        failuresInARow = 0;
        if (round.read() >= config.batchSize()) {
            startRound(); // more are waiting
            return;
        }
        roundActive.set(false);
        if (wakeRequested.get()) {
            wake();
        }
    }

    /** Keeps the round active through the pause, so wake-ups cannot cut the backoff short. */
    private void roundFailed(Throwable failure) {
        failedRounds.increment();
        failuresInARow++;
        Duration backoff = backoff();
        LOG.warnf("outbox relay failed (%d in a row), retrying in %d ms: %s", failuresInARow, backoff.toMillis(),
                failure.toString());
        vertx.setTimer(backoff.toMillis(), id -> startRound());
    }

    private Duration backoff() {
        long millis = config.minBackoff().toMillis() << Math.min(failuresInARow - 1, 16);
        return Duration.ofMillis(Math.max(1, Math.min(millis, config.maxBackoff().toMillis())));
    }

    /** One relay round; {@code read} is 0 when the outbox was empty or another instance holds the relay lock. */
    Uni<Round> relayOnce() {
        return connection.asLeader()
                .chain(leader -> leader == null ? Uni.createFrom().item(Round.NOTHING) : relayBatch(leader));
    }

    private Uni<Round> relayBatch(SqlConnection leader) {
        return leader.preparedQuery("select " + PendingEvent.COLUMNS
                + " from outbox_event where failed_at is null order by id limit $1")
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<PendingEvent> batch = new ArrayList<>();
                    rows.forEach(row -> batch.add(PendingEvent.from(row)));
                    if (batch.isEmpty()) {
                        lagSeconds.set(0);
                        return Uni.createFrom().item(Round.NOTHING);
                    }
                    lagSeconds.set(Duration.between(batch.get(0).occurredAt(), Instant.now()).toSeconds());
                    Context context = Vertx.currentContext();
                    return Uni.createFrom().item(() -> sender.send(batch))
                            .runSubscriptionOn(sendThread)
                            .emitOn(command -> context.runOnContext(ignored -> command.run()))
                            .call(result -> deletePublished(leader, result.published()))
                            .call(result -> markFailed(leader, result.failed()))
                            .map(result -> new Round(batch.size(), result.failed(), result.transientFailure()));
                });
    }

    /** Kafka has the rows: they are deleted, so the table holds only pending and failed ones. */
    private Uni<Void> deletePublished(SqlConnection leader, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return leader.preparedQuery("delete from outbox_event where id = any($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .invoke(() -> published.increment(ids.size()))
                .replaceWithVoid();
    }

    private Uni<Void> markFailed(SqlConnection leader, List<SendResult.Failed> failed) {
        if (failed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Long[] ids = failed.stream().map(f -> f.event().id()).toArray(Long[]::new);
        String[] reasons = failed.stream().map(SendResult.Failed::reason).toArray(String[]::new);
        return leader.preparedQuery("""
                update outbox_event o set failed_at = now(), failure_reason = f.reason
                from unnest($1::bigint[], $2::text[]) as f(id, reason) where o.id = f.id""")
                .execute(Tuple.of(ids, reasons))
                .replaceWithVoid();
    }

    /** What one round did: rows read, rows marked failed, and a transient failure that leaves rows pending. */
    record Round(int read, List<SendResult.Failed> failed, Throwable transientFailure) {
        static final Round NOTHING = new Round(0, List.of(), null);
    }
}
