package dev.mercato.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import dev.mercato.platform.messaging.CloudEventHeaders;
import dev.mercato.platform.web.RequestIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Moves committed outbox events to Kafka, oldest first, with CloudEvents headers and the aggregate
 * id as key. At-least-once: an event is marked published only after Kafka acknowledged it
 * ({@code acks=all}); a crash in between sends it again, and consumers deduplicate on its id.
 * A transaction-scoped advisory lock lets only one instance relay at a time, which keeps each
 * aggregate's events in order when the service runs with several replicas.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6d65726361746fL; // "mercato"
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);

    private final Pool pool;
    private final Vertx vertx;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final Counter published;
    private final Counter failures;
    private final AtomicLong lagSeconds = new AtomicLong();

    private ExecutorService sender;
    private KafkaProducer<String, byte[]> producer;
    private volatile boolean running;
    private long failuresInARow;
    private Instant lastCleanup = Instant.EPOCH;

    public OutboxRelay(Pool pool, Vertx vertx, OutboxConfig config, MeterRegistry registry,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.published = Counter.builder("mercato.outbox.published").description("Outbox events relayed to Kafka")
                .register(registry);
        this.failures = Counter.builder("mercato.outbox.failures").description("Failed outbox relay rounds")
                .register(registry);
        registry.gauge("mercato.outbox.lag.seconds", lagSeconds);
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("outbox relay disabled on this instance");
            return;
        }
        sender = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer());
        running = true;
        scheduleNext(Duration.ZERO);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (sender != null) {
            sender.shutdownNow();
        }
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> properties = new java.util.HashMap<>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaConfig.get("bootstrap.servers"));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return properties;
    }

    private void scheduleNext(Duration delay) {
        if (!running) {
            return;
        }
        vertx.setTimer(Math.max(1, delay.toMillis()), id -> relayOnce().subscribe().with(
                relayed -> {
                    failuresInARow = 0;
                    scheduleNext(relayed >= config.batchSize() ? Duration.ZERO : config.pollInterval());
                },
                failure -> {
                    failures.increment();
                    failuresInARow++;
                    Duration backoff = backoff();
                    LOG.warnf("outbox relay failed (%d in a row), retrying in %d ms: %s", failuresInARow,
                            backoff.toMillis(), failure.toString());
                    scheduleNext(backoff);
                }));
    }

    private Duration backoff() {
        long millis = config.pollInterval().toMillis() << Math.min(failuresInARow, 10);
        return Duration.ofMillis(Math.min(millis, config.maxBackoff().toMillis()));
    }

    /** Relays one batch; emits how many events were published (0 when another instance holds the lock). */
    Uni<Integer> relayOnce() {
        return pool.withTransaction(connection -> connection
                .query("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")").execute()
                .chain(rows -> rows.iterator().next().getBoolean(0)
                        ? relayBatch(connection)
                        : Uni.createFrom().item(0)))
                .call(this::cleanupNowAndThen);
    }

    private Uni<Integer> relayBatch(SqlConnection connection) {
        return connection.preparedQuery("""
                select id, event_id, topic, message_key, event_type, source, subject, occurred_at, request_id, payload
                from outbox_event where published_at is null order by id limit $1""")
                .execute(Tuple.of(config.batchSize()))
                .chain(rows -> {
                    List<Row> batch = new ArrayList<>();
                    rows.forEach(batch::add);
                    if (batch.isEmpty()) {
                        lagSeconds.set(0);
                        return Uni.createFrom().item(0);
                    }
                    lagSeconds.set(Duration.between(batch.get(0).getOffsetDateTime("occurred_at").toInstant(),
                            Instant.now()).toSeconds());
                    Context context = Vertx.currentContext();
                    return Uni.createFrom().item(() -> sendAndAwait(batch))
                            .runSubscriptionOn(sender)
                            .emitOn(command -> context.runOnContext(ignored -> command.run()))
                            .chain(ids -> connection
                                    .preparedQuery("update outbox_event set published_at = now() where id = any($1)")
                                    .execute(Tuple.of(ids))
                                    .invoke(() -> published.increment(ids.length))
                                    .replaceWith(ids.length));
                });
    }

    /** Sends the batch in order and waits for every acknowledgement; runs on the relay's own thread. */
    private Long[] sendAndAwait(List<Row> batch) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        Long[] ids = new Long[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            Row row = batch.get(i);
            ids[i] = row.getLong("id");
            acks.add(producer.send(toRecord(row)));
        }
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(60, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch: " + e.getMessage(), e);
        }
        return ids;
    }

    private static ProducerRecord<String, byte[]> toRecord(Row row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.getString("topic"),
                row.getString("message_key"), row.getString("payload").getBytes(StandardCharsets.UTF_8));
        OffsetDateTime occurredAt = row.getOffsetDateTime("occurred_at").withOffsetSameInstant(ZoneOffset.UTC);
        CloudEventHeaders.write(record.headers(), row.getString("event_id"), row.getString("source"),
                row.getString("event_type"), row.getString("subject"), occurredAt.toInstant());
        String requestId = row.getString("request_id");
        if (requestId != null) {
            record.headers().add(new RecordHeader(RequestIds.KAFKA_HEADER, requestId.getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    private Uni<Void> cleanupNowAndThen(Integer ignored) {
        Instant now = Instant.now();
        if (Duration.between(lastCleanup, now).compareTo(CLEANUP_EVERY) < 0) {
            return Uni.createFrom().voidItem();
        }
        lastCleanup = now;
        OffsetDateTime before = OffsetDateTime.ofInstant(now.minus(config.retention()), ZoneOffset.UTC);
        return pool.preparedQuery("delete from outbox_event where published_at < $1")
                .execute(Tuple.of(before)).replaceWithVoid();
    }
}
