package dev.mercato.metering.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.mercato.platform.events.Topics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The producer of {@code metering.usage} and {@code metering.reports}: a plain idempotent Kafka producer with
 * {@code acks=all}, shared by all requests, whose {@link #send} completes once the broker acknowledged every
 * record given (or fails with the first refusal). A plain producer rather than a messaging channel: a request
 * needs the acknowledgement of exactly its own records, and one callback per record is all that costs.
 */
@ApplicationScoped
public class UsagePublisher {

    private static final Logger LOG = Logger.getLogger(UsagePublisher.class);

    private final KafkaProducer<String, byte[]> producer;

    public UsagePublisher(IngestConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "metering-ingest");
        // Every request waits out the linger before its acknowledgement: 1 ms let single events through 7 % faster than
        // 2 ms did, and batches no slower; 0 sent so many small requests that the broker cost more (docs/BENCHMARKS.md).
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // No compression by default: on a small machine that also runs the broker it costs more CPU (on the event
        // loop, where records are appended) than it saves; mercato.metering.producer."compression.type" turns it on.
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        // send() must not hold an event-loop thread: metadata is fetched at start-up, and a full buffer (Kafka
        // down for long) fails fast instead of blocking; the request's own timeout answers 503 meanwhile.
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 500);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        properties.putAll(config.producer());
        // Never weakened by configuration: a record is acknowledged only once every in-sync replica has it,
        // and a producer retry never writes it twice.
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    void warmUp(@Observes StartupEvent event) {
        // Fetches the topics' metadata off the event loop, so the first requests do not wait for it.
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            for (String topic : List.of(Topics.METERING_USAGE, Topics.METERING_REPORTS)) {
                try {
                    producer.partitionsFor(topic);
                } catch (RuntimeException e) {
                    LOG.warnf("no metadata for %s yet (%s); the first request will fetch it", topic, e.toString());
                }
            }
        });
    }

    /** Sends {@code records}; the Uni completes when Kafka acknowledged all of them, on the caller's Vert.x context. */
    public Uni<Void> send(List<ProducerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Context context = Vertx.currentContext();
        Uni<Void> acknowledged = Uni.createFrom().emitter(emitter -> {
            AtomicInteger pending = new AtomicInteger(records.size());
            AtomicBoolean failed = new AtomicBoolean();
            for (ProducerRecord<String, byte[]> record : records) {
                try {
                    producer.send(record, (metadata, failure) -> {
                        if (failure != null) {
                            if (failed.compareAndSet(false, true)) {
                                emitter.fail(failure);
                            }
                        } else if (pending.decrementAndGet() == 0 && !failed.get()) {
                            emitter.complete(null);
                        }
                    });
                } catch (RuntimeException e) {
                    if (failed.compareAndSet(false, true)) {
                        emitter.fail(e);
                    }
                    return;
                }
            }
        });
        return context == null ? acknowledged : acknowledged.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    @PreDestroy
    void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
