package dev.mercato.metering.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.mercato.testkit.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** A batch consumer that fails unexpectedly starts again from its committed offsets, and nothing it read is lost. */
@QuarkusTest
class BatchConsumerRestartTest {

    @Inject
    BatchConsumers consumers;

    @Test
    void startsAgainAfterAnUnexpectedFailureAndWritesEveryRecord() {
        String topic = "metering.test-restart-" + UUID.randomUUID();
        Collecting handler = new Collecting();
        BatchConsumer<Collecting.Batch> consumer = consumers.create(new BatchConsumer.Settings("metering-service.test-restart",
                "test-restart", "mercato.test.restart", topic, "test-restart-" + UUID.randomUUID(), 1, 100, 0,
                "metering.dead-letter", Map.of()), handler);
        consumer.start();
        try {
            for (String value : List.of("a", "boom", "c")) {
                TestKafka.send(topic, "one-key", value, Map.of());
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> handler.written.containsAll(List.of("a", "boom", "c")));
            assertThat(handler.failed).isTrue();
            // still consuming afterwards
            TestKafka.send(topic, "one-key", "d", Map.of());
            await().atMost(Duration.ofSeconds(30)).until(() -> handler.written.contains("d"));
        } finally {
            consumer.stop();
        }
    }

    /** Writes each batch's values into a set; reading "boom" the first time throws what no consumer expects. */
    private static final class Collecting implements BatchHandler<Collecting.Batch> {

        private final Set<String> written = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean failedOnce = new AtomicBoolean();
        private volatile boolean failed;

        @Override
        public Batch newBatch() {
            return new Batch();
        }

        @Override
        public Uni<Void> write(Batch batch) {
            written.addAll(batch.values);
            return Uni.createFrom().voidItem();
        }

        private final class Batch extends RecordBatch {

            private final List<String> values = new ArrayList<>();

            @Override
            protected String read(ConsumerRecord<String, byte[]> record) {
                String value = new String(record.value(), StandardCharsets.UTF_8);
                if (value.equals("boom") && failedOnce.compareAndSet(false, true)) {
                    failed = true;
                    throw new IllegalStateException("the test's one unexpected failure");
                }
                values.add(value);
                return null;
            }

            @Override
            public int size() {
                return values.size();
            }
        }
    }
}
