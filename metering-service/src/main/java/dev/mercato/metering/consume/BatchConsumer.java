package dev.mercato.metering.consume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import dev.mercato.metering.load.IngestionLoad;
import dev.mercato.platform.messaging.DeadLetters;
import dev.mercato.platform.messaging.PoisonEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;

/**
 * A topic consumed in batches of one database transaction each: {@link Settings#consumers} plain Kafka consumers of
 * one group, each on a thread of its own with its share of the partitions. A batch's offsets are committed only after
 * its transaction has; a crash in between re-delivers the batch, which the {@link BatchHandler} must write without
 * effect the second time. While one batch is in the database the next is fetched and read. While ingestion is
 * answering requests, each consumer pauses after a batch so that it does not take the cores from them (README,
 * "Ingestion first"). A record that can never be used goes to the dead-letter topic (headers as SmallRye's
 * dead-letter strategy writes them), is counted in {@code mercato.events.consumed{outcome=poison}} and logged; a
 * failure of the database is retried with backoff, without committing, until it succeeds or the consumer stops.
 * Batch and pause times are the timers {@code <metric>.batch} and {@code <metric>.yield}; each Kafka consumer's own
 * metrics (its lag among them) are bound to the registry under its client id.
 */
public final class BatchConsumer<B extends RecordBatch> {

    private static final Logger LOG = Logger.getLogger(BatchConsumer.class);
    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final Duration IDLE_POLL = Duration.ofMillis(500);
    private static final Duration BUSY_POLL = Duration.ofMillis(10);
    private static final Duration PAUSE_STEP = Duration.ofMillis(100);
    private static final Duration RESTART_AFTER = Duration.ofSeconds(1);

    /**
     * @param consumer the consumer's name in logs and in {@code mercato.events.consumed}, e.g. {@code metering-service.reports}
     * @param thread the prefix of its threads' names
     * @param metric the prefix of its timers
     * @param kafka consumer properties of its own (fetch sizes), over the ones every such consumer has
     */
    public record Settings(String consumer, String thread, String metric, String topic, String groupId, int consumers,
            int maxBatch, double yieldToIngestion, String deadLetterTopic, Map<String, String> kafka) {
    }

    private final Settings settings;
    private final BatchHandler<B> handler;
    private final String bootstrapServers;
    private final DeadLetters deadLetters;
    private final IngestionLoad ingestion;
    private final MeterRegistry registry;
    private final Counter poison;
    private final Timer batches;
    private final Timer yields;

    private volatile boolean running;
    private final Set<KafkaConsumer<String, byte[]>> consumers = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();

    BatchConsumer(Settings settings, BatchHandler<B> handler, String bootstrapServers, DeadLetters deadLetters,
            IngestionLoad ingestion, MeterRegistry registry) {
        this.settings = settings;
        this.handler = handler;
        this.bootstrapServers = bootstrapServers;
        this.deadLetters = deadLetters;
        this.ingestion = ingestion;
        this.registry = registry;
        this.poison = registry.counter("mercato.events.consumed", "consumer", settings.consumer(), "outcome", "poison");
        this.batches = registry.timer(settings.metric() + ".batch");
        this.yields = registry.timer(settings.metric() + ".yield");
    }

    /** Starts consuming from the group's committed offsets (no-op when running). */
    public synchronized void start() {
        if (!threads.isEmpty()) {
            return;
        }
        running = true;
        for (int i = 0; i < settings.consumers(); i++) {
            Thread thread = new Thread(this::run, settings.thread() + "-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    /** Stops after the batch in hand (its transaction and commit finish, or it is re-delivered later). */
    public synchronized void stop() {
        running = false;
        consumers.forEach(KafkaConsumer::wakeup); // a poll in progress returns at once
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(90));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    /** Consumes until stopped; a consumer that fails unexpectedly is closed and made anew after a pause. */
    private void run() {
        while (running) {
            try {
                consume();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // nothing uncommitted was written: it is re-delivered
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s failed; it starts again in %s from the last committed offsets", settings.consumer(),
                        RESTART_AFTER);
                if (!pause(RESTART_AFTER)) {
                    return;
                }
            }
        }
    }

    private void consume() throws InterruptedException {
        KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerProperties());
        consumers.add(kafka);
        // The client's own metrics (kafka_consumer_fetch_manager_records_lag and the rest), as the messaging
        // framework's consumers have them
        KafkaClientMetrics metrics = new KafkaClientMetrics(kafka);
        metrics.bindTo(registry);
        try (kafka; metrics) {
            kafka.subscribe(List.of(settings.topic()));
            B next = handler.newBatch();
            InFlight<B> inFlight = null;
            while (running) {
                // While one batch is in the database, the next is fetched and read: Kafka and JSON overlap SQL.
                do {
                    add(next, kafka.poll(inFlight == null && next.isEmpty() ? IDLE_POLL : BUSY_POLL));
                } while (running && inFlight != null && !inFlight.result().isDone() && next.size() < settings.maxBatch());
                if (inFlight != null) {
                    Duration took = finish(inFlight);
                    if (took == null) {
                        return; // stopping: neither batch was committed; both are re-delivered
                    }
                    commit(kafka, inFlight.batch());
                    yieldToIngestion(kafka, next, took);
                    inFlight = null;
                }
                if (running && !next.isEmpty()) { // stopped while yielding: next is re-delivered
                    inFlight = new InFlight<>(next, start(next));
                    next = handler.newBatch();
                }
            }
            if (inFlight != null && finish(inFlight) != null) {
                commit(kafka, inFlight.batch());
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            consumers.remove(kafka);
        }
    }

    private void add(B batch, ConsumerRecords<String, byte[]> polled) {
        for (ConsumerRecord<String, byte[]> record : polled) {
            batch.consumed(record);
            try {
                String poisonous = batch.read(record);
                if (poisonous != null) {
                    deadLetter(record, poisonous);
                }
            } catch (PoisonEventException e) {
                deadLetter(record, e.getMessage());
            }
        }
    }

    /** Writes the batch; emits how long its transaction took. */
    private CompletableFuture<Duration> start(B batch) {
        long started = System.nanoTime();
        return handler.write(batch)
                .map(ignored -> Duration.ofNanos(System.nanoTime() - started))
                .invoke(batches::record)
                .subscribeAsCompletionStage();
    }

    /**
     * Waits for the batch's transaction, retrying it after a failure; emits how long the transaction that succeeded
     * took, or null when stopped before one did.
     */
    private Duration finish(InFlight<B> inFlight) {
        B batch = inFlight.batch();
        Duration backoff = Duration.ofMillis(200);
        CompletableFuture<Duration> attempt = inFlight.result();
        while (true) {
            try {
                return attempt.get(BATCH_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException | TimeoutException e) {
                Throwable failure = e.getCause() != null ? e.getCause() : e;
                handler.failed(failure);
                LOG.warnf("%s could not write a batch of %d (retrying in %s): %s", settings.consumer(), batch.size(),
                        backoff, failure.toString());
                if (!pause(backoff)) {
                    return null;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                attempt = start(batch);
            }
        }
    }

    private void commit(KafkaConsumer<String, byte[]> kafka, B batch) {
        try {
            kafka.commitSync(batch.offsets());
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // the partitions are moving between consumers: whoever gets them re-reads the batch, and writing it again
            // changes nothing
            LOG.warnf("%s could not commit the offsets of a written batch (%s); it will be written again without effect",
                    settings.consumer(), e.getMessage());
        }
    }

    /** A batch being written, and the outcome to come. */
    private record InFlight<B>(B batch, CompletableFuture<Duration> result) {
    }

    /**
     * After a batch whose transaction took {@code took} (the attempt that succeeded: time lost to a failure is not
     * paid back): while ingestion is answering requests, goes on reading into {@code next} but writes nothing for
     * {@code yieldToIngestion} times as long, so that a consumer working off a backlog does not take the cores from
     * the requests that make it (README, "Ingestion first"). A stop ends it.
     */
    private void yieldToIngestion(KafkaConsumer<String, byte[]> kafka, B next, Duration took) throws InterruptedException {
        Duration pause = pauseAfter(took, ingestion.busy(), settings.yieldToIngestion());
        if (pause.isZero()) {
            return;
        }
        yields.record(pause);
        long until = System.nanoTime() + pause.toNanos();
        for (long left = pause.toNanos(); running && left > 0; left = until - System.nanoTime()) {
            Duration step = Duration.ofNanos(Math.min(left, PAUSE_STEP.toNanos()));
            if (next.size() < settings.maxBatch()) {
                add(next, kafka.poll(step)); // a larger next batch costs less a record
            } else {
                TimeUnit.NANOSECONDS.sleep(step.toNanos());
            }
        }
    }

    /** How long to pause after a batch that took {@code took}: {@code ratio} times that while ingestion is busy. */
    static Duration pauseAfter(Duration took, boolean ingestionBusy, double ratio) {
        if (!ingestionBusy || ratio <= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) (took.toNanos() * ratio));
    }

    /**
     * Sends a record that cannot be used to the dead-letter topic, before the batch's offsets are committed, or a crash
     * would lose it for good.
     */
    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        poison.increment();
        LOG.warnf("%s sends a record to the dead-letter topic: %s", settings.consumer(), reason);
        try {
            deadLetters.send(settings.deadLetterTopic(), record, reason).await().atMost(Duration.ofSeconds(30));
        } catch (RuntimeException failure) {
            throw new IllegalStateException("could not dead-letter " + record.topic() + "-" + record.partition() + "@"
                    + record.offset(), failure);
        }
    }

    private boolean pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return running;
    }

    private Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(Math.min(settings.maxBatch(), 5000)));
        // Fetches that wait to fill: while a batch is in the database, or the consumer pauses for ingestion, it polls
        // again and again, and a fetch answered with whatever single record had arrived cost the broker more than
        // the records (docs/BENCHMARKS.md, "The reports' consumer as a batch consumer").
        properties.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536");
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(4 * 1024 * 1024));
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.consumer() + "-" + Thread.currentThread().getName());
        properties.putAll(settings.kafka());
        return properties;
    }
}
