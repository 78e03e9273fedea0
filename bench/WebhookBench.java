import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.sun.net.httpserver.HttpServer;

/**
 * Webhook delivery benchmark against a running webhook-service (see webhook-bench.sh). A receiver in this JVM
 * (JDK HttpServer on loopback) checks the hex HMAC signature of every delivery it gets.
 *
 * 1. Latency: entitlement events for a bench customer are published on orders.entitlements at a steady rate;
 *    each is routed to one endpoint; the receiver notes now − the event's time (ce_time, the payload's timestamp).
 *    The topic is the suite's own, and metering-service keeps every entitlement on it in memory: the events name
 *    ENTITLEMENT_IDS ids at most, the same in every run, so however many runs a suite sees, they add at most that
 *    many entitlements to it (each a new version of one of them).
 * 2. Throughput: a backlog of messages is committed straight into webhook_message (as the fan-out stores them)
 *    over several endpoints and subjects; the receiver counts signed deliveries per second until all arrived.
 *
 * The bench organization and endpoints are written straight into the service's database (no identity-service
 * needed), their secret sealed as the service stores it. Args: jdbcUrl user password bootstrapServers rate seconds
 * warmupSeconds backlog endpoints secretEncryptionKey
 */
public class WebhookBench {

    static final AtomicLong received = new AtomicLong();
    static final AtomicLong badSignatures = new AtomicLong();
    static volatile long[] latencies = new long[0];
    /** When each measured event was sent (epoch ms), by the same index as {@link #latencies}. */
    static volatile long[] sentAt = new long[0];
    static final AtomicLong latencyCount = new AtomicLong();
    static volatile boolean recording;

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        String user = args[1];
        String password = args[2];
        String bootstrap = args[3];
        int rate = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        int warmup = Integer.parseInt(args[6]);
        int backlog = Integer.parseInt(args[7]);
        int endpoints = Integer.parseInt(args[8]);
        byte[] secretKey = java.util.Base64.getDecoder().decode(args[9]);
        String secret = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B');

        // The receiver shares the two cores with the service under test: two handler threads and one HMAC key per
        // thread keep its own cost per delivery low (a Mac made and keyed per request cost more than the request).
        ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> mac(secret));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String signature = exchange.getRequestHeaders().getFirst("X-Mercato-Signature");
            if (signature == null || !signature.equals(HexFormat.of().formatHex(macs.get().doFinal(body)))) {
                badSignatures.incrementAndGet();
            }
            if (recording) {
                String text = new String(body, StandardCharsets.UTF_8);
                int at = text.indexOf("\"timestamp\":\"");
                if (at > 0) {
                    Instant sent = Instant.parse(text.substring(at + 13, text.indexOf('"', at + 13)));
                    long index = latencyCount.getAndIncrement();
                    if (index < latencies.length) {
                        latencies[(int) index] = Duration.between(sent, Instant.now()).toMillis();
                        sentAt[(int) index] = sent.toEpochMilli();
                    }
                }
            }
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        String run = UUID.randomUUID().toString().substring(0, 8);
        String platform = "org_bench" + run + "p";
        String customer = "org_bench" + run + "c";
        List<String> ids = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password)) {
            try (Statement s = db.createStatement()) {
                s.execute("insert into directory_organization (id, kind, parent_id, path, name, status, source_version) values "
                        + "('" + customer + "', 'TENANT', '" + platform + "', '" + platform + "/" + customer
                        + "', 'bench', 'ACTIVE', 0)");
                for (int i = 0; i < endpoints; i++) {
                    String id = "whk_bench" + run + i;
                    ids.add(id);
                    s.execute("insert into webhook_endpoint (id, owner_id, owner_path, url, event_types, enabled, "
                            + "include_descendants, custom_headers, secret, created_at, updated_at, version) values ('"
                            + id + "', '" + customer + "', '" + platform + "/" + customer + "', '" + url
                            + "', '{\"types\": [\"" + (i == 0 ? "entitlement.updated" : "customer.created")
                            + "\"]}', true, false, '{\"headers\": {}}', '"
                            + sealed(secretKey, id, secret) + "', now(), now(), 0)");
                }
            }
            System.out.printf("receiver %s, %d endpoint(s), customer %s%n", url, endpoints, customer);

            // 1. event → delivery latency at a steady rate (one endpoint enabled)
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            // as the outbox relay sends the platform's events (OutboxSender)
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            properties.put(ProducerConfig.LINGER_MS_CONFIG, "2");
            properties.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(),
                    new StringSerializer())) {
                steady(producer, customer, rate, warmup, false);
                // Measure from a drained state: a fresh JVM compiling under load may end its warm-up behind, and the
                // measured events would otherwise wait behind the warm-up's.
                long warmupEvents = (long) rate * warmup;
                long drainDeadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                long drainStart = System.nanoTime();
                while (received.get() < warmupEvents && System.nanoTime() < drainDeadline) {
                    Thread.sleep(50);
                }
                System.out.printf("warm-up: %d of %d events delivered, %.1f s after the last was published%n",
                        received.get(), warmupEvents, (System.nanoTime() - drainStart) / 1e9);
                latencies = new long[rate * seconds * 2];
                sentAt = new long[latencies.length];
                latencyCount.set(0);
                recording = true;
                java.sql.Timestamp measuredFrom = new java.sql.Timestamp(System.currentTimeMillis());
                long before = received.get();
                steady(producer, customer, rate, seconds, true);
                long expected = before + (long) rate * seconds;
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (received.get() < expected && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                recording = false;
                int n = (int) Math.min(latencyCount.get(), latencies.length);
                long[] sorted = Arrays.copyOf(latencies, n);
                Arrays.sort(sorted);
                System.out.printf("latency at %d events/s for %d s: %d delivered, p50 %d ms, p99 %d ms, max %d ms%n",
                        rate, seconds, n, pct(sorted, 0.50), pct(sorted, 0.99), n == 0 ? 0 : sorted[n - 1]);
                System.out.printf("slowest delivery of the events sent in each second from %s (ms): %s%n",
                        measuredFrom.toLocalDateTime().toLocalTime(),
                        worstBySecond(latencies, sentAt, n, measuredFrom.getTime(), seconds));
                stages(db, ids.get(0), measuredFrom);
            }

            // 2. throughput: a backlog of stored messages over the other endpoints (they get no Kafka events), many subjects
            ids.remove(0);
            db.setAutoCommit(false);
            String payload = "{\"id\":\"evt_bench\",\"event\":\"entitlement.updated\",\"timestamp\":\"2026-01-01T00:00:00Z\","
                    + "\"data\":{\"id\":\"ent_bench\",\"customerId\":\"" + customer + "\",\"seats\":1,\"status\":\"ACTIVE\","
                    + "\"description\":\"" + "x".repeat(300) + "\"}}";
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into webhook_message (id, endpoint_id, event_id, event_type, subject, payload, status, attempts,
                        next_attempt_at, created_at)
                    values (?, ?, ?, 'entitlement.updated', ?, ?, 'PENDING', 0, now(), now())""")) {
                for (int i = 0; i < backlog; i++) {
                    insert.setString(1, "msg_bench" + run + i);
                    insert.setString(2, ids.get(i % ids.size()));
                    insert.setString(3, "evt_bench" + run + i);
                    insert.setString(4, "ent_" + i);
                    insert.setString(5, payload);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            long start = received.get();
            long began = System.nanoTime();
            db.commit();
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (received.get() - start < backlog && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            double took = (System.nanoTime() - began) / 1e9;
            System.out.printf("throughput: %d signed deliveries in %.1f s = %.0f deliveries/s (%d endpoints)%n",
                    received.get() - start, took, (received.get() - start) / took, ids.size());
            System.out.printf("signatures that did not verify: %d%n", badSignatures.get());
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("delete from webhook_endpoint where id like 'whk_bench" + run + "%'");
                s.execute("delete from directory_organization where id = '" + customer + "'");
            }
        } finally {
            server.stop(0);
            System.exit(0);
        }
    }

    /** The highest latency of the events sent in each second of the measured run, in order: where the tail sits. */
    static String worstBySecond(long[] latencies, long[] sentAt, int n, long from, int seconds) {
        long[] worst = new long[seconds];
        for (int i = 0; i < n; i++) {
            int second = (int) Math.min(seconds - 1, Math.max(0, (sentAt[i] - from) / 1000));
            worst[second] = Math.max(worst[second], latencies[i]);
        }
        StringBuilder line = new StringBuilder();
        for (int second = 0; second < seconds; second++) {
            line.append(second == 0 ? "" : " ").append(worst[second]);
        }
        return line.toString();
    }

    /**
     * Where the measured events' time went, from the service's own columns: event → stored (the fan-out
     * transaction's start, created_at), stored → first attempt (the claim), attempt → recorded (delivered_at, the
     * recording transaction's start: the receiver's answer and the wait for the recorder's batch).
     */
    static void stages(Connection db, String endpointId, java.sql.Timestamp from) throws Exception {
        String stage = "percentile_disc(%s) within group (order by extract(epoch from %s) * 1000)::int";
        String[] spans = {"created_at - (payload::jsonb ->> 'timestamp')::timestamptz", "last_attempt_at - created_at",
                "delivered_at - last_attempt_at"};
        StringBuilder sql = new StringBuilder("select count(*)");
        for (String span : spans) {
            sql.append(", ").append(stage.formatted("0.5", span)).append(", ").append(stage.formatted("0.99", span));
        }
        sql.append(", (select max(duration_ms) from webhook_attempt where endpoint_id = ? and attempted_at >= ?)");
        sql.append(" from webhook_message where endpoint_id = ? and created_at >= ? and status = 'DELIVERED'");
        try (PreparedStatement query = db.prepareStatement(sql.toString())) {
            for (int i = 0; i < 2; i++) {
                query.setString(2 * i + 1, endpointId);
                query.setTimestamp(2 * i + 2, from);
            }
            try (var rows = query.executeQuery()) {
                rows.next();
                System.out.printf("stages (p50/p99 ms) of %d messages: event → stored %d/%d, stored → attempt %d/%d, "
                        + "attempt → recorded %d/%d; slowest attempt %d ms%n", rows.getLong(1), rows.getInt(2),
                        rows.getInt(3), rows.getInt(4), rows.getInt(5), rows.getInt(6), rows.getInt(7), rows.getInt(8));
            }
        }
    }

    /** How many entitlement ids the latency runs cycle through: one subject's events are 20 s apart at 1,000/s. */
    static final int ENTITLEMENT_IDS = 20_000;

    static void steady(KafkaProducer<String, String> producer, String customer, int rate, int seconds, boolean measured) {
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        long total = (long) rate * seconds;
        long firstVersion = System.currentTimeMillis() * 1_000;
        for (long i = 0; i < total; i++) {
            LockSupport.parkNanos(next - System.nanoTime());
            next += interval;
            String id = "ent_webhookbench%05d".formatted(i % ENTITLEMENT_IDS);
            Instant now = Instant.now();
            String body = "{\"id\":\"" + id + "\",\"customerId\":\"" + customer + "\",\"customerCsn\":\"1234567890\","
                    + "\"customerName\":\"bench\",\"listingId\":\"lst_bench\",\"sku\":null,\"description\":\"bench\","
                    + "\"dimensions\":[\"calls\"],\"seats\":1,\"startDate\":\"2026-01-01\",\"endDate\":\"2027-01-01\","
                    + "\"status\":\"ACTIVE\",\"subscriptions\":[\"SN1\"],\"createdAt\":\"" + now + "\",\"lastUpdated\":\""
                    + now + "\",\"version\":" + (firstVersion + i) + "}";
            ProducerRecord<String, String> record = new ProducerRecord<>("orders.entitlements", id, body);
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", timeOrderedUuid());
            header(record, "ce_source", "/mercato/webhook-bench");
            header(record, "ce_type", "mercato.orders.entitlement.changed.v1");
            header(record, "ce_subject", id);
            header(record, "ce_time", now.toString());
            header(record, "content-type", "application/json");
            producer.send(record);
        }
        producer.flush();
    }

    /** A time-ordered (version 7) UUID, as platform-commons' EventIds makes them (the bench runs without its jars). */
    static String timeOrderedUuid() {
        UUID random = UUID.randomUUID();
        long high = (System.currentTimeMillis() << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
        return new UUID(high, random.getLeastSignificantBits()).toString();
    }

    static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static long pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** The secret as the service stores it: base64(nonce ‖ AES-256-GCM ciphertext ‖ tag), the endpoint id authenticated. */
    static String sealed(byte[] key, String endpointId, String secret) throws Exception {
        byte[] nonce = new byte[12];
        new java.security.SecureRandom().nextBytes(nonce);
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, nonce));
        cipher.updateAAD(endpointId.getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        return java.util.Base64.getEncoder().encodeToString(java.nio.ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce).put(sealed).array());
    }

    static Mac mac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
