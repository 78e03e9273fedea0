package dev.mercato.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Sends one record of a batch to a dead-letter topic, with the headers SmallRye's dead-letter strategy writes
 * ({@code dead-letter-reason}, {@code -topic}, {@code -partition}, {@code -offset}), for consumers that take a whole
 * poll at once and so cannot let a connector dead-letter a single record ({@link BatchInbox}, metering's aggregation).
 * The record's key, value (text or bytes) and headers are kept as they were. The producer (acks=all, idempotent) is
 * opened on first use: a service that never dead-letters this way opens none.
 */
@ApplicationScoped
public class DeadLetters {

    private final String bootstrapServers;
    private volatile KafkaProducer<String, byte[]> producer;

    public DeadLetters(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Completes once the broker has the letter, so the record's offset may be committed after it. */
    public Uni<Void> send(String topic, ConsumerRecord<String, ?> record, String reason) {
        byte[] value = record.value() instanceof byte[] bytes ? bytes
                : record.value() == null ? null : bytes(record.value().toString());
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(topic, null, record.key(), value,
                new RecordHeaders(record.headers().toArray()));
        letter.headers().add("dead-letter-reason", bytes(reason));
        letter.headers().add("dead-letter-topic", bytes(record.topic()));
        letter.headers().add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        letter.headers().add("dead-letter-offset", bytes(Long.toString(record.offset())));
        // send() may block on the topic's metadata: never on the event loop.
        return Uni.createFrom().<Void>emitter(emitter -> producer().send(letter, (metadata, failure) -> {
            if (failure != null) {
                emitter.fail(failure);
            } else {
                emitter.complete(null);
            }
        })).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> current = producer;
        if (current == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties properties = new Properties();
                    properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    properties.put(ProducerConfig.ACKS_CONFIG, "all");
                    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
                    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
                    properties.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters");
                    producer = new KafkaProducer<>(properties);
                }
                current = producer;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close();
        }
    }

    private static byte[] bytes(String value) {
        return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    }
}
