package dev.mercato.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plain Kafka clients against the broker the service under test uses: send records as another
 * service would, and read what the service published.
 */
public final class TestKafka {

    private TestKafka() {
    }

    public static String bootstrapServers() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** CloudEvents headers for a hand-made domain event. */
    public static Map<String, String> cloudEventHeaders(String id, String type, String subject) {
        return Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", "/mercato/test", "ce_type", type,
                "ce_subject", subject, "ce_time", Instant.now().toString(), "content-type", "application/json");
    }

    /** Reads {@code topic} from the beginning until a record matches, or fails after {@code timeout}. */
    public static ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match,
            Duration timeout) {
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        return record;
                    }
                    seen.add(record);
                }
            }
        }
        throw new AssertionError("no matching record on " + topic + " within " + timeout + "; saw " + seen.size()
                + " other record(s)");
    }

    /** Every record on {@code topic} that arrives within {@code window}, from the beginning. */
    public static List<ConsumerRecord<String, String>> readAll(String topic, Duration window) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(window);
            while (Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * The events on {@code topic} that match, read from the beginning for {@code window}: one record per CloudEvents
     * id ({@code ce_id}), so an event the outbox relay sent twice (it is at-least-once) counts once.
     */
    public static List<ConsumerRecord<String, String>> events(String topic, Predicate<ConsumerRecord<String, String>> match,
            Duration window) {
        Map<String, ConsumerRecord<String, String>> byId = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : readAll(topic, window)) {
            if (match.test(record)) {
                String id = header(record, "ce_id");
                byId.putIfAbsent(id == null ? record.topic() + "@" + record.offset() : id, record);
            }
        }
        return new ArrayList<>(byId.values());
    }

    /** The value of {@code record}'s last header {@code name} as UTF-8 text, or null when it has none. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    }
}
