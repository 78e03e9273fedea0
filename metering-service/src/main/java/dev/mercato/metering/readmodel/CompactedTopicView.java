package dev.mercato.metering.readmodel;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.mercato.platform.messaging.CloudEventHeaders;

/**
 * A compacted snapshot topic read into memory by key: each instance reads every partition from the
 * beginning on a thread of its own and keeps the latest snapshot per key (a tombstone removes it, an
 * older {@code version} than the one held is ignored). The partitions are assigned, not subscribed: no
 * consumer group, no committed offsets, so every instance — and every restart — reads the whole topic,
 * and no two instances ever share its records. {@link #loaded()} turns true once the view has read up to
 * the end offsets seen when it started, and stays true.
 *
 * @param <V> the snapshot type, a Jackson-readable event record
 */
public abstract class CompactedTopicView<V> {

    private static final Logger LOG = Logger.getLogger(CompactedTopicView.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final String topic;
    private final String type;
    private final ObjectReader reader;
    private final ToLongFunction<V> version;
    private final Map<String, V> snapshots = new ConcurrentHashMap<>();
    private volatile boolean loaded;
    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;
    private long applied;
    private long ignored;

    /**
     * @param type    the CloudEvents type prefix the records must have ({@code ce_type} starts with it); others are skipped
     * @param version the snapshot's version: a record older than what is held is ignored
     */
    protected CompactedTopicView(String topic, String type, Class<V> snapshotType, ToLongFunction<V> version,
            ObjectMapper json) {
        this.topic = topic;
        this.type = type;
        // Tolerant on purpose: a producer adding a field to its event must not stop this read model.
        this.reader = json.readerFor(snapshotType).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.version = version;
    }

    /** The latest snapshot of {@code key}, or null. */
    public V get(String key) {
        return key == null ? null : snapshots.get(key);
    }

    public int size() {
        return snapshots.size();
    }

    public String topic() {
        return topic;
    }

    /** Whether the topic has been read up to the end offsets seen at start-up. */
    public boolean loaded() {
        return loaded;
    }

    /** Called after {@code current} replaced {@code previous} (either may be null), for secondary indexes. */
    protected void changed(V previous, V current) {
    }

    /** Starts reading {@code topic} from {@code bootstrapServers} on a daemon thread. */
    public synchronized void start(String bootstrapServers) {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(() -> run(bootstrapServers), "read-model-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    public synchronized void stop() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    private void run(String bootstrapServers) {
        while (running) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(properties(bootstrapServers),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer = kafka;
                read(kafka);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // Kafka unreachable or the topic not there yet: read everything again, from the start.
                LOG.warnf("reading %s failed (%s); starting over in %s", topic, e.toString(), RETRY);
                sleep(RETRY);
            } finally {
                consumer = null;
            }
        }
    }

    private void read(KafkaConsumer<String, String> kafka) {
        List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions yet");
        }
        List<TopicPartition> partitions = infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
        kafka.assign(partitions);
        kafka.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = new HashMap<>(kafka.endOffsets(partitions));
        while (running) {
            for (ConsumerRecord<String, String> record : kafka.poll(POLL)) {
                apply(record);
            }
            if (!loaded && reached(kafka, ends)) {
                loaded = true;
                LOG.infof("read model %s loaded: %d snapshot(s) from %d record(s)", topic, snapshots.size(), applied + ignored);
            }
        }
    }

    private static boolean reached(KafkaConsumer<String, String> kafka, Map<TopicPartition, Long> ends) {
        ends.entrySet().removeIf(end -> kafka.position(end.getKey()) >= end.getValue());
        return ends.isEmpty();
    }

    private void apply(ConsumerRecord<String, String> record) {
        String key = record.key();
        if (key == null) {
            ignored++;
            return;
        }
        if (record.value() == null) {
            V previous = snapshots.remove(key);
            changed(previous, null);
            applied++;
            return;
        }
        String recordType = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE);
        if (recordType == null || !recordType.startsWith(type)) {
            ignored++;
            return;
        }
        V snapshot;
        try {
            snapshot = reader.readValue(record.value());
        } catch (java.io.IOException | RuntimeException e) {
            // Never blocks the view: the next snapshot of this key repairs it.
            ignored++;
            LOG.errorf("ignoring a malformed %s record at %s-%d@%d: %s", type, record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        V previous = snapshots.get(key);
        if (previous != null && version.applyAsLong(previous) > version.applyAsLong(snapshot)) {
            ignored++;
            return;
        }
        snapshots.put(key, snapshot);
        changed(previous, snapshot);
        applied++;
    }

    private Properties properties(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "read-model-" + topic);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        return properties;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
