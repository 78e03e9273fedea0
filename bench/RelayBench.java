import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Outbox relay benchmark against a running service (see relay-bench.sh): commits events into the
 * service's outbox_event table exactly as Outbox.publish does (insert, NOTIFY mercato_outbox, commit)
 * and measures, with a Kafka consumer in this JVM, how long after each commit returned the record
 * arrived; then commits a large backlog in one transaction and measures how fast the relay drains it.
 * The outbox table is vacuumed before each measured phase.
 *
 * Args: jdbcUrl user password bootstrapServers rate seconds warmupSeconds backlog payloadBytes
 */
public class RelayBench {

    private static final String INSERT = """
            insert into outbox_event (event_id, topic, message_key, event_type, source, subject, occurred_at, payload)
            values (?, ?, ?, 'mercato.bench.relay.v1', '/mercato/relay-bench', ?, now(), ?)""";

    private static final int WRITERS = 4;
    private static String jdbcUrl;
    private static String user;
    private static String password;

    public static void main(String[] args) throws Exception {
        jdbcUrl = args[0];
        user = args[1];
        password = args[2];
        String bootstrap = args[3];
        int rate = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        int warmupSeconds = Integer.parseInt(args[6]);
        int backlog = Integer.parseInt(args[7]);
        String pad = "x".repeat(Integer.parseInt(args[8]));
        String topic = "bench.relay-" + UUID.randomUUID().toString().substring(0, 8);
        System.out.printf("topic %s, payload ≈ %d bytes, service database %s%n", topic, pad.length() + 20, jdbcUrl);

        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Receiver receiver = new Receiver(bootstrap, topic)) {
            connection.setAutoCommit(false);
            // The topic exists before the clock starts: its creation is not the relay's latency.
            steady(connection, receiver, topic, pad, 50, 1, false);
            receiver.awaitCount(50, Duration.ofSeconds(60));
            if (warmupSeconds > 0) {
                steady(connection, receiver, topic, pad, rate, warmupSeconds, false);
            }
            vacuum(connection);
            long[] latencies = steady(connection, receiver, topic, pad, rate, seconds, true);
            report(rate, seconds, latencies);
            vacuum(connection);
            drain(connection, receiver, topic, pad, backlog);
        }
    }

    /**
     * Commits {@code rate} events a second for {@code seconds}, one transaction each, from {@link #WRITERS}
     * connections (one cannot commit 1,000 a second on a busy machine); returns commit→receive nanos.
     */
    private static long[] steady(Connection ignored, Receiver receiver, String topic, String pad, int rate, int seconds,
            boolean measure) throws Exception {
        int count = rate * seconds;
        long base = receiver.reserve(count);
        long[] committedAt = new long[count];
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime() + 50_000_000;
        AtomicLong behind = new AtomicLong();
        List<Thread> writers = new java.util.ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                        PreparedStatement insert = connection.prepareStatement(INSERT);
                        Statement notify = connection.createStatement()) {
                    connection.setAutoCommit(false);
                    for (int i = writer; i < count; i += WRITERS) {
                        long due = start + i * interval;
                        long now = System.nanoTime();
                        if (now < due) {
                            LockSupport.parkNanos(due - now);
                        } else if (now - due > 5_000_000) {
                            behind.incrementAndGet();
                        }
                        long index = base + i;
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, topic);
                        insert.setString(3, "agg-" + (index % 1000));
                        insert.setString(4, "agg-" + (index % 1000));
                        insert.setString(5, "{\"i\":" + index + ",\"pad\":\"" + pad + "\"}");
                        insert.executeUpdate();
                        notify.execute("notify mercato_outbox");
                        connection.commit();
                        committedAt[i] = System.nanoTime();
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "relay-bench-writer-" + w);
            thread.start();
            writers.add(thread);
        }
        for (Thread thread : writers) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a writer failed", failures.get(0));
        }
        double achieved = count / ((System.nanoTime() - start) / 1e9);
        receiver.awaitCount(base + count, Duration.ofSeconds(120));
        if (measure) {
            System.out.printf("steady: %d events committed at %.0f/s by %d connections (asked %d/s; %d commits started > 5 ms late)%n",
                    count, achieved, WRITERS, rate, behind.get());
        }
        long[] latencies = new long[count];
        for (int i = 0; i < count; i++) {
            latencies[i] = receiver.receivedAt(base + i) - committedAt[i];
        }
        return latencies;
    }

    /** Vacuums the outbox, so each phase starts without the dead rows of the last (this server may run without autovacuum). */
    private static void vacuum(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("vacuum outbox_event");
        }
        connection.setAutoCommit(false);
    }

    /** Commits {@code backlog} events in one transaction and times the relay from that commit to the last record. */
    private static void drain(Connection connection, Receiver receiver, String topic, String pad, int backlog)
            throws Exception {
        long base = receiver.reserve(backlog);
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into outbox_event (event_id, topic, message_key, event_type, source, subject, occurred_at, payload)
                select gen_random_uuid()::text, ?, 'agg-' || (g % 1000), 'mercato.bench.relay.v1', '/mercato/relay-bench',
                       'agg-' || (g % 1000), now(), '{"i":' || g || ',"pad":"' || ? || '"}'
                from generate_series(?::bigint, ?::bigint) g""");
                Statement notify = connection.createStatement()) {
            insert.setString(1, topic);
            insert.setString(2, pad);
            insert.setLong(3, base);
            insert.setLong(4, base + backlog - 1);
            insert.executeUpdate();
            notify.execute("notify mercato_outbox");
            long beforeCommit = System.nanoTime();
            connection.commit();
            long committed = System.nanoTime();
            System.out.printf("backlog: %d events committed in one transaction (commit took %.0f ms)%n", backlog,
                    (committed - beforeCommit) / 1e6);
            receiver.awaitCount(base + backlog, Duration.ofSeconds(600));
            long last = 0;
            long first = Long.MAX_VALUE;
            for (long i = base; i < base + backlog; i++) {
                last = Math.max(last, receiver.receivedAt(i));
                first = Math.min(first, receiver.receivedAt(i));
            }
            double seconds = (last - committed) / 1e9;
            System.out.printf("backlog relayed: first record after %.0f ms, last after %.2f s → %.0f events/s%n",
                    (first - committed) / 1e6, seconds, backlog / seconds);
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the backlog", e);
        }
    }

    private static void report(int rate, int seconds, long[] latencies) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf("commit → record received at %d/s for %d s: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                rate, seconds, percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** A consumer thread that notes when each event index arrives (the first time; the relay is at-least-once). */
    static final class Receiver implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final ConcurrentHashMap<Long, Long> received = new ConcurrentHashMap<>();
        private final AtomicLong next = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        Receiver(String bootstrap, String topic) {
            Properties properties = new Properties();
            properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
            properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
            consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
            thread = new Thread(() -> poll(topic), "relay-bench-consumer");
            thread.setDaemon(true);
            thread.start();
        }

        long reserve(int count) {
            return next.getAndAdd(count);
        }

        long receivedAt(long index) {
            Long at = received.get(index);
            if (at == null) {
                throw new IllegalStateException("event " + index + " never arrived");
            }
            return at;
        }

        void awaitCount(long count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (received.size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + received.size() + " of " + count + " events arrived within "
                            + timeout);
                }
                Thread.sleep(5);
            }
        }

        private void poll(String topic) {
            // The relay creates the topic on its first send; assign its partitions once they exist.
            List<PartitionInfo> partitions = List.of();
            while (running && partitions.isEmpty()) {
                try {
                    partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                } catch (org.apache.kafka.common.errors.TimeoutException e) {
                    partitions = List.of();
                }
                if (partitions.isEmpty()) {
                    LockSupport.parkNanos(50_000_000);
                }
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    String value = record.value();
                    long index = Long.parseLong(value.substring(5, value.indexOf(',')));
                    received.putIfAbsent(index, now);
                }
            }
            consumer.close();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(5_000);
        }
    }
}
