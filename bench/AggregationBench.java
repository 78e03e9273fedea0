import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Load for metering-service's aggregation: usage events one a record (UsageEventV1 JSON with CloudEvents headers,
 * keyed by customer, acks=all, idempotent producer; the form earlier builds published and the aggregation still
 * reads, where ingestion now puts a request's events of one customer in one record) produced onto metering.usage at a fixed
 * rate, then the aggregation consumer group's lag (end offsets − committed offsets) sampled every 500 ms until it
 * is back to zero. Each event has its own id; customers {@code <run>-c<n>} over a few listings and dimensions of
 * every measure, timestamps spread evenly over the last {@code <spread>} minutes. Loopback brokers only.
 *
 * Usage: java -cp '<kafka lib>/*' bench/AggregationBench.java <bootstrap> <group> <run> <events/s> <seconds>
 *        <customers> <spread minutes>
 */
public class AggregationBench {

    private static final String TOPIC = "metering.usage";
    private static final String[][] DIMENSIONS = { { "api_calls", "SUM", null }, { "requests", "COUNT", null },
            { "peak_gb", "MAX", null }, { "seats", "LATEST", null }, { "active_users", "UNIQUE_COUNT", "userId" } };

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String group = args[1];
        String run = args[2];
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int customers = Integer.parseInt(args[5]);
        int spreadSeconds = Integer.parseInt(args[6]) * 60;
        if (!bootstrap.startsWith("127.") && !bootstrap.startsWith("localhost")) {
            throw new IllegalArgumentException("loopback brokers only: " + bootstrap);
        }
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, "131072");
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Properties adminProperties = new Properties();
        adminProperties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);

        try (Admin admin = Admin.create(adminProperties);
                KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                        new StringSerializer())) {
            long lagBefore = lag(admin, group);
            System.out.printf("run %s: %d events/s for %d s, %d customers x %d dimensions, usage times over the last %d min,"
                    + " onto %s (group %s, lag before %d)%n", run, rate, seconds, customers, DIMENSIONS.length, spreadSeconds / 60,
                    TOPIC, group, lagBefore);
            AtomicLong failed = new AtomicLong();
            long total = (long) rate * seconds;
            long start = System.nanoTime();
            long nextReport = start + 5_000_000_000L;
            Instant now = Instant.now();
            String receivedAt = Instant.now().toString();
            int[] sample = new int[1];
            for (long n = 0; n < total; n++) {
                long due = start + n * 1_000_000_000L / rate;
                long wait = due - System.nanoTime();
                if (wait > 200_000) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                int customer = (int) (n % customers);
                String[] dimension = DIMENSIONS[(int) ((n / customers) % DIMENSIONS.length)];
                Instant at = now.minusSeconds((n * 7919) % spreadSeconds);
                String id = run + "-" + n;
                String customerId = run + "-c" + customer;
                String body = "{\"id\":\"" + id + "\",\"reportId\":\"" + run + "-r" + (n / 100) + "\",\"customerId\":\""
                        + customerId + "\",\"vendorId\":\"org_bench_vendor\",\"listingId\":\"lst_bench_" + (customer % 3)
                        + "\",\"subscriptionId\":\"SUB-" + customerId + "\",\"dimension\":\"" + dimension[0]
                        + "\",\"quantity\":" + BigDecimal.valueOf(1 + n % 17, (int) (n % 3)) + ",\"timestamp\":\"" + at
                        + "\",\"receivedAt\":\"" + receivedAt + "\",\"properties\":{\"userId\":\"u" + (n % 50)
                        + "\",\"region\":\"eu-north-1\"},\"aggregation\":\"" + dimension[1] + "\",\"uniqueProperty\":"
                        + (dimension[2] == null ? "null" : "\"" + dimension[2] + "\"") + ",\"tokenRate\":null}";
                ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, customerId, body);
                record.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(id))
                        .add("ce_source", bytes("/mercato/metering-service")).add("ce_type", bytes("mercato.metering.usage.accepted.v1"))
                        .add("ce_subject", bytes(customerId)).add("ce_time", bytes(receivedAt))
                        .add("content-type", bytes("application/json"));
                if (n == 0) {
                    sample[0] = body.length();
                }
                producer.send(record, (metadata, e) -> {
                    if (e != null) {
                        failed.incrementAndGet();
                    }
                });
                if (System.nanoTime() >= nextReport) {
                    nextReport += 5_000_000_000L;
                    System.out.printf("  t=%3ds produced %,d  lag %,d%n", (System.nanoTime() - start) / 1_000_000_000L, n,
                            lag(admin, group));
                }
            }
            producer.flush();
            long produced = System.nanoTime();
            double produceSeconds = (produced - start) / 1e9;
            System.out.printf("produced %,d events (%d bytes each) in %.1f s = %,.0f events/s, %d failed%n", total,
                    sample[0], produceSeconds, total / produceSeconds, failed.get());
            long maxLag = 0;
            long lag;
            long lastPrint = 0;
            while ((lag = lag(admin, group)) > 0) {
                maxLag = Math.max(maxLag, lag);
                long since = (System.nanoTime() - produced) / 1_000_000;
                if (since - lastPrint >= 2000) {
                    System.out.printf("  +%5.1fs after the load: lag %,d%n", since / 1000.0, lag);
                    lastPrint = since;
                }
                if (since > 600_000) {
                    System.out.println("lag not back to zero within 10 minutes");
                    System.exit(1);
                }
                Thread.sleep(500);
            }
            double drain = (System.nanoTime() - produced) / 1e9;
            double all = (System.nanoTime() - start) / 1e9;
            System.out.printf("lag back to 0 %.1f s after the load stopped (lag at the end of the load %,d); "
                    + "aggregated %,d events in %.1f s = %,.0f events/s%n", drain, maxLag, total, all, total / all);
        }
    }

    /** Unconsumed records of the group on the topic: end offsets − committed offsets, summed over partitions. */
    static long lag(Admin admin, String group) throws Exception {
        Set<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions()
                .stream().map(info -> new TopicPartition(TOPIC, info.partition())).collect(Collectors.toSet());
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            lag += ends.get(partition).offset() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
