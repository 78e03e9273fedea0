package dev.mercato.metering.aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.mercato.platform.events.Topics;
import dev.mercato.platform.events.UsageAcceptedV2;
import dev.mercato.platform.events.UsageEventV1;
import dev.mercato.testkit.TestKafka;

/**
 * Usage events as ingestion publishes them, produced straight onto {@code metering.usage} (keyed by customer,
 * with CloudEvents headers) for the aggregation to count.
 */
final class UsageEvents {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private UsageEvents() {
    }

    /** A usage event of {@code customer} on {@code listing}'s {@code dimension}, measured as {@code aggregation}. */
    static UsageEventV1 event(String id, String customer, String vendor, String listing, String dimension,
            String aggregation, String quantity, Instant at, Map<String, String> properties, String uniqueProperty) {
        return new UsageEventV1(id, "rpt_" + id, customer, vendor, listing, "SUB-" + customer, dimension,
                new BigDecimal(quantity), at, Instant.now(), properties, aggregation, uniqueProperty, null);
    }

    static UsageEventV1 sum(String customer, String listing, String dimension, String quantity, Instant at) {
        return event(UUID.randomUUID().toString(), customer, "org_vendor", listing, dimension, "SUM", quantity, at,
                Map.of(), null);
    }

    /** Sends every event and waits until the broker has them all. */
    static void send(List<UsageEventV1> events) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            List<Future<RecordMetadata>> sent = events.stream().map(event -> producer.send(record(event))).toList();
            for (Future<RecordMetadata> future : sent) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not send usage events", e);
        }
    }

    static void send(UsageEventV1... events) {
        send(List.of(events));
    }

    /** A raw record on metering.usage, for poison. */
    static void sendRaw(String key, String value) {
        TestKafka.send(Topics.METERING_USAGE, key, value, TestKafka.cloudEventHeaders(UUID.randomUUID().toString(),
                UsageEventV1.ACCEPTED, key));
    }

    /** A report's events of one customer in one record, as ingestion publishes them ({@link UsageAcceptedV2}). */
    static void sendAccepted(String key, String value) {
        TestKafka.send(Topics.METERING_USAGE, key, value, TestKafka.cloudEventHeaders(UUID.randomUUID().toString(),
                UsageAcceptedV2.TYPE, key));
    }

    private static ProducerRecord<String, String> record(UsageEventV1 event) {
        try {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.METERING_USAGE, event.customerId(),
                    JSON.writeValueAsString(event));
            TestKafka.cloudEventHeaders(event.id(), UsageEventV1.ACCEPTED, event.customerId())
                    .forEach((name, value) -> record.headers().add(name, value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return record;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
