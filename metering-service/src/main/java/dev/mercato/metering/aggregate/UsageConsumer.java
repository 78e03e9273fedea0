package dev.mercato.metering.aggregate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.Topics;
import dev.mercato.platform.events.UsageEventV1;
import dev.mercato.platform.messaging.PoisonEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The batch consumer of {@code metering.usage}: a plain Kafka consumer on a thread of its own, so one
 * poll (up to {@code mercato.metering.aggregation.max-batch} records) is one database transaction
 * ({@link AggregateWriter}) and its offsets are committed only after that transaction has. A crash in
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

    private final AggregateWriter writer;
    private final DedupePartitions partitions;
    private final AggregationConfig config;
    private final String bootstrapServers;
    private final UsageRecords records;
    private final Counter counted;
    private final Counter repeats;
    private final Counter poison;
    private final Timer batches;

    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public UsageConsumer(AggregateWriter writer, DedupePartitions partitions, AggregationConfig config, ObjectMapper json,
            MeterRegistry registry, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.writer = writer;
        this.partitions = partitions;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.records = new UsageRecords(json);
        this.counted = registry.counter("mercato.events.consumed", "consumer", CONSUMER, "outcome", "processed");
        this.repeats = registry.counter("mercato.events.consumed", "consumer", CONSUMER, "outcome", "duplicate");
        this.poison = registry.counter("mercato.events.consumed", "consumer", CONSUMER, "outcome", "poison");
        this.batches = registry.timer("mercato.metering.aggregation.batch");
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
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "metering-aggregation");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the batch in hand (its transaction and commit finish, or it is re-delivered later). */
    public synchronized void stop() {
        if (thread == null) {
            return;
        }
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(90));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerProperties());
                KafkaProducer<String, byte[]> deadLetters = new KafkaProducer<>(producerProperties())) {
            consumer = kafka;
            kafka.subscribe(List.of(Topics.METERING_USAGE));
            while (running) {
                ConsumerRecords<String, byte[]> polled = kafka.poll(Duration.ofMillis(500));
                if (polled.isEmpty()) {
                    continue;
                }
                if (!countUntilDone(polled, deadLetters)) {
                    return; // stopping: the batch was not committed and will be re-delivered
                }
                try {
                    kafka.commitSync();
                } catch (CommitFailedException e) {
                    // the partitions moved to another consumer meanwhile: it re-reads the batch and skips it
                    LOG.warnf("offsets of a counted batch could not be committed (%s); its repeats will be skipped",
                            e.getMessage());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("the usage consumer was woken up unexpectedly", e);
            }
        } catch (RuntimeException e) {
            LOG.error("the usage consumer stopped", e);
        } finally {
            consumer = null;
        }
    }

    /** Counts the batch, retrying a failure; false when the consumer was stopped before it succeeded. */
    private boolean countUntilDone(ConsumerRecords<String, byte[]> polled, KafkaProducer<String, byte[]> deadLetters) {
        List<UsageEventV1> events = readAll(polled, deadLetters);
        Duration backoff = Duration.ofMillis(200);
        while (true) {
            try {
                Timer.Sample sample = Timer.start();
                partitions.ensure(events.stream().map(AggregateWriter::dayOf).toList()).await().atMost(BATCH_TIMEOUT);
                AggregateWriter.Outcome outcome = writer.count(events).await().atMost(BATCH_TIMEOUT);
                sample.stop(batches);
                counted.increment(outcome.counted());
                repeats.increment(outcome.repeats() + (polled.count() - events.size()));
                return true;
            } catch (RuntimeException e) {
                partitions.forget();
                LOG.warnf("a batch of %d usage events could not be counted (retrying in %s): %s", events.size(), backoff,
                        e.toString());
                if (!pause(backoff)) {
                    return false;
                }
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10)
                        : backoff.multipliedBy(2);
            }
        }
    }

    /** The batch's countable events, the first of each id; poison records go to the dead-letter topic. */
    private List<UsageEventV1> readAll(ConsumerRecords<String, byte[]> polled, KafkaProducer<String, byte[]> deadLetters) {
        List<UsageEventV1> events = new ArrayList<>(polled.count());
        Set<String> ids = new HashSet<>(polled.count() * 2);
        for (ConsumerRecord<String, byte[]> record : polled) {
            try {
                UsageEventV1 event = records.read(record);
                if (ids.add(event.id())) {
                    events.add(event);
                }
            } catch (PoisonEventException e) {
                deadLetter(deadLetters, record, e);
            }
        }
        return events;
    }

    private void deadLetter(KafkaProducer<String, byte[]> deadLetters, ConsumerRecord<String, byte[]> record,
            PoisonEventException e) {
        poison.increment();
        LOG.warnf("%s sends a record to the dead-letter topic: %s", CONSUMER, e.getMessage());
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(config.aggregation().deadLetterTopic(), null,
                record.key(), record.value(), new RecordHeaders(record.headers().toArray()));
        letter.headers().add("dead-letter-reason", bytes(e.getMessage()));
        letter.headers().add("dead-letter-topic", bytes(record.topic()));
        letter.headers().add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        letter.headers().add("dead-letter-offset", bytes(Long.toString(record.offset())));
        try {
            // before the batch's offsets are committed, or a crash would lose the record for good
            deadLetters.send(letter).get(30, TimeUnit.SECONDS);
        } catch (Exception failure) {
            throw new IllegalStateException("could not dead-letter " + record.topic() + "-" + record.partition() + "@"
                    + record.offset(), failure);
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
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
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(config.aggregation().maxBatch()));
        // Larger fetches: a batch should be a full one whenever the topic has a backlog.
        properties.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536");
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(4 * 1024 * 1024));
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, CONSUMER);
        return properties;
    }

    private Properties producerProperties() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, CONSUMER + "-dead-letters");
        return properties;
    }
}
