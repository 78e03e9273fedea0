package dev.mercato.order.backbone;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.mercato.testkit.EmbeddedKafka;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BrokerOutageTest {

    private static final Pattern FAILED_ROUNDS = Pattern.compile("mercato_outbox_failures_total(?:\\{[^}]*})? ([0-9.]+)");
    private static final List<String> KEYS = List.of("agg-a", "agg-b", "agg-c");
    private static final int EVENTS_PER_KEY = 5;

    @Inject
    OutboxWriter writer;

    @Test
    void deliversEveryEventWrittenWhileKafkaWasDownInEachAggregatesOrder() {
        String topic = "backbone.outage-" + UUID.randomUUID();
        Set<String> written = new LinkedHashSet<>();
        double failedRoundsBefore = failedRounds();
        EmbeddedKafka.stopBroker();
        try {
            for (int sequence = 0; sequence < EVENTS_PER_KEY; sequence++) {
                for (String key : KEYS) {
                    written.add(writer.commit(topic, key, "mercato.test.outage.v1", Map.of("seq", sequence)));
                }
            }
            // The relay tried, failed and backs off; a broker outage marks nothing failed.
            await().atMost(Duration.ofSeconds(60)).until(() -> failedRounds() > failedRoundsBefore);
            assertThat(TestSql.number("select count(*) from outbox_event where topic = ? and failed_at is not null", topic))
                    .isZero();
            assertThat(TestSql.number("select count(*) from outbox_event where topic = ?", topic)).isEqualTo(written.size());
        } finally {
            EmbeddedKafka.startBroker();
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> TestSql.number(
                "select count(*) from outbox_event where topic = ?", topic) == 0);
        List<ConsumerRecord<String, String>> records = TestKafka.readAll(topic, Duration.ofSeconds(3));
        Map<String, List<Integer>> sequencesByKey = new LinkedHashMap<>();
        Set<String> received = new LinkedHashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            if (received.add(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))) {
                sequencesByKey.computeIfAbsent(record.key(), key -> new ArrayList<>())
                        .add(Integer.parseInt(record.value().replaceAll("\\D", "")));
            }
        }
        assertThat(received).containsExactlyInAnyOrderElementsOf(written);
        assertThat(sequencesByKey).containsOnlyKeys(KEYS);
        sequencesByKey.values().forEach(sequences -> assertThat(sequences).containsExactly(0, 1, 2, 3, 4));

        // And the instance recovers on its own: every consumer rejoins its group, readiness is UP again.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    private static double failedRounds() {
        Matcher matcher = FAILED_ROUNDS.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
