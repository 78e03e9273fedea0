package dev.mercato.metering.aggregate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.mercato.metering.load.IngestionLoad;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.events.UsageEventV1;
import dev.mercato.platform.messaging.DeadLetters;
import dev.mercato.platform.messaging.PoisonEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The batch consumer of {@code metering.usage}: {@code mercato.metering.aggregation.consumers} plain Kafka
 * consumers of one group, each on a thread of its own with its share of the partitions, so that one batch
 * (up to about {@code mercato.metering.aggregation.max-batch} events) is one database transaction
 * ({@link AggregateWriter}) and its offsets are committed only after that transaction has. While a batch is
 * in the database the next one is fetched and read; while ingestion is answering requests, each consumer pauses after
 * a batch so that it does not take the cores from them (README, "Ingestion first"). A crash in
 * between re-delivers the batch, and the remembered event ids make the repeat count nothing. A record that
 * can never be counted goes to the dead-letter topic (headers as SmallRye's dead-letter strategy writes
 * them), is counted in {@code mercato.events.consumed{outcome=poison}} and logged; a failure of the
 * database is retried with backoff, without committing, until it succeeds or the consumer stops.
 */
@ApplicationScoped
public class UsageConsumer {

    static final String CONSUMER = "metering-service.aggregation";
    private static final Logger LOG = Logger.getLogger(UsageConsumer.class);
    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final Duration IDLE_POLL = Duration.ofMillis(500);
    private static final Duration BUSY_POLL = Duration.ofMillis(10);
    private static final Duration PAUSE_STEP = Duration.ofMillis(100);

    private final AggregateWriter writer;
    private final DedupePartitions partitions;
    private final AggregationConfig config;
    private final String bootstrapServers;
    private final DeadLetters deadLetters;
    private final UsageRecords records;
    private final Counter counted;
    private final Counter repeats;
    private final Counter poison;
    private final Timer batches;
    private final Timer yields;
    private final IngestionLoad ingestion;

    private volatile boolean running;
    private final Set<KafkaConsumer<String, byte[]>> consumers = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();

    public UsageConsumer(AggregateWriter writer, DedupePartitions partitions, AggregationConfig config,
            MeterRegistry registry, DeadLetters deadLetters, IngestionLoad ingestion,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.ingestion = ingestion;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.partitions = partitions;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.records = new UsageRecords();
        this.counted = registry.counter("mercato.events.consumed", "consumer", CONSUMER, "outcome", "processed");
        this.repeats = registry.counter("mercato.events.consumed", "consumer", CONSUMER, "outcome", "duplicate");
        this.poison = registry.counter("mercato.events.consumed", "consumer", CONSUMER, "outcome", "poison");
        this.batches = registry.timer("mercato.metering.aggregation.batch");
        this.yields = registry.timer("mercato.metering.aggregation.yield");
    }

    void onStart(@Observes StartupEvent event) {
        if (config.aggregation().enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts consuming from the group's committed offsets (no-op when running). */
    public synchronized void start() {
        if (!threads.isEmpty()) {
            return;
        }
        running = true;
        for (int i = 0; i < config.aggregation().consumers(); i++) {
            Thread thread = new Thread(this::run, "metering-aggregation-" + i);
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

    private void run() {
        KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerProperties());
        consumers.add(kafka);
        try (kafka) {
            kafka.subscribe(List.of(Topics.METERING_USAGE));
            Batch next = new Batch();
            InFlight inFlight = null;
            while (running) {
                // While one batch is in the database, the next is fetched and read: Kafka and JSON overlap SQL.
                do {
                    next.add(kafka.poll(inFlight == null && next.isEmpty() ? IDLE_POLL : BUSY_POLL), this);
                } while (running && inFlight != null && !inFlight.result().isDone() && next.size() < config.aggregation().maxBatch());
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
                    inFlight = new InFlight(next, start(next));
                    next = new Batch();
                }
            }
            if (inFlight != null && finish(inFlight) != null) {
                commit(kafka, inFlight.batch());
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("the usage consumer was woken up unexpectedly", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // nothing uncommitted was counted: it is re-delivered
        } catch (RuntimeException e) {
            LOG.error("the usage consumer stopped", e);
        } finally {
            consumers.remove(kafka);
        }
    }

    private CompletableFuture<Counted> start(Batch batch) {
        long started = System.nanoTime();
        return partitions.ensure(batch.days()).chain(() -> writer.count(batch.events()))
                .map(outcome -> new Counted(outcome, Duration.ofNanos(System.nanoTime() - started)))
                .invoke(counted -> batches.record(counted.took()))
                .subscribeAsCompletionStage();
    }

    /** What a batch's transaction did, and how long it took. */
    private record Counted(AggregateWriter.Outcome outcome, Duration took) {
    }

    /**
     * Waits for the batch's transaction, retrying it after a failure; emits how long the transaction that succeeded
     * took, or null when stopped before one did.
     */
    private Duration finish(InFlight inFlight) {
        Batch batch = inFlight.batch();
        Duration backoff = Duration.ofMillis(200);
        CompletableFuture<Counted> attempt = inFlight.result();
        while (true) {
            try {
                Counted done = attempt.get(BATCH_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                counted.increment(done.outcome().counted());
                repeats.increment(done.outcome().repeats() + batch.repeatsWithin());
                return done.took();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException | TimeoutException e) {
                partitions.forget();
                LOG.warnf("a batch of %d usage events could not be counted (retrying in %s): %s", batch.size(), backoff,
                        e.getCause() != null ? e.getCause().toString() : e.toString());
                if (!pause(backoff)) {
                    return null;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                attempt = start(batch);
            }
        }
    }

    private static void commit(KafkaConsumer<String, byte[]> kafka, Batch batch) {
        try {
            kafka.commitSync(batch.offsets());
        } catch (CommitFailedException e) {
            // the partitions moved to another consumer meanwhile: it re-reads the batch and skips what was counted
            LOG.warnf("offsets of a counted batch could not be committed (%s); its repeats will be skipped", e.getMessage());
        }
    }

    /** A batch being counted, and the outcome to come. */
    private record InFlight(Batch batch, CompletableFuture<Counted> result) {
    }

    /**
     * After a batch whose transaction took {@code took} (the attempt that succeeded: time lost to a failure is not
     * paid back): while ingestion is answering requests, goes on reading into {@code next} but writes nothing for
     * {@code yield-to-ingestion} times as long, so that a consumer working off a backlog does not take the cores from
     * the requests that make it (README, "Ingestion first"). A stop ends it.
     */
    private void yieldToIngestion(KafkaConsumer<String, byte[]> kafka, Batch next, Duration took) throws InterruptedException {
        Duration pause = pauseAfter(took, ingestion.busy(), config.aggregation().yieldToIngestion());
        if (pause.isZero()) {
            return;
        }
        yields.record(pause);
        long until = System.nanoTime() + pause.toNanos();
        for (long left = pause.toNanos(); running && left > 0; left = until - System.nanoTime()) {
            Duration step = Duration.ofNanos(Math.min(left, PAUSE_STEP.toNanos()));
            if (next.size() < config.aggregation().maxBatch()) {
                next.add(kafka.poll(step), this); // a larger next batch adds up more events per aggregate
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
     * Records gathered for one transaction: the countable events (the first of each id), and the offsets to
     * commit once it has — every record's, poison ones (already dead-lettered) included.
     */
    private static final class Batch {

        private final List<CountableUsage> events = new ArrayList<>();
        private final Set<UUID> ids = new HashSet<>();
        private final Map<CountableUsage.Target, CountableUsage.Target> targets = new HashMap<>();
        private final Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        private int records;
        private int read;

        void add(ConsumerRecords<String, byte[]> polled, UsageConsumer consumer) {
            for (ConsumerRecord<String, byte[]> record : polled) {
                records++;
                offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                for (UsageEventV1 event : consumer.read(record)) {
                    read++;
                    CountableUsage usage = CountableUsage.of(event, targets);
                    if (ids.add(usage.key())) {
                        events.add(usage);
                    }
                }
            }
        }

        boolean isEmpty() {
            return records == 0;
        }

        /** The events read, repeats included: what {@code max-batch} bounds. */
        int size() {
            return read;
        }

        List<CountableUsage> events() {
            return events;
        }

        List<LocalDate> days() {
            return events.stream().map(AggregateWriter::dayOf).distinct().toList();
        }

        Map<TopicPartition, OffsetAndMetadata> offsets() {
            return offsets;
        }

        /** Events that repeated an id already in this batch. */
        int repeatsWithin() {
            return read - events.size();
        }

    }

    /**
     * The events of the record that can be counted. A record of which something cannot be counted goes to the
     * dead-letter topic whole: counting it again later counts only what was not counted (ids are remembered).
     */
    private List<UsageEventV1> read(ConsumerRecord<String, byte[]> record) {
        UsageRecords.Read read;
        try {
            read = records.read(record);
        } catch (PoisonEventException e) {
            deadLetter(record, e);
            return List.of();
        }
        if (read.poison() != null) {
            deadLetter(record, new PoisonEventException(read.poison()));
        }
        return read.events();
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, PoisonEventException e) {
        poison.increment();
        LOG.warnf("%s sends a record to the dead-letter topic: %s", CONSUMER, e.getMessage());
        try {
            // before the batch's offsets are committed, or a crash would lose the record for good
            deadLetters.send(config.aggregation().deadLetterTopic(), record, e.getMessage()).await()
                    .atMost(Duration.ofSeconds(30));
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
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.aggregation().groupId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(Math.min(config.aggregation().maxBatch(), 5000)));
        // Larger fetches: a batch should be a full one whenever the topic has a backlog.
        properties.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536");
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(4 * 1024 * 1024));
        // A record may carry hundreds of events: a poll of at most 8 MiB is at most about 18,000 of them.
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024));
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, CONSUMER + "-" + Thread.currentThread().getName());
        return properties;
    }
}
