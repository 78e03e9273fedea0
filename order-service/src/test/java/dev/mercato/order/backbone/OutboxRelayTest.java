package dev.mercato.order.backbone;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OutboxRelayTest {

    @Inject
    OutboxWriter writer;

    private static String eventIdOf(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }

    @Test
    void relaysACommittedEventWhenItsCommitNotifiesTheRelay() {
        // The fallback poll is ten minutes here (RelayTestConfig): only the commit's NOTIFY can start the round.
        String topic = "backbone.notify-" + UUID.randomUUID();
        String eventId = writer.commit(topic, "key-1", "mercato.test.notified.v1", Map.of("n", 1));

        ConsumerRecord<String, String> record = TestKafka.awaitRecord(topic, r -> eventId.equals(eventIdOf(r)),
                Duration.ofSeconds(20));
        assertThat(record.key()).isEqualTo("key-1");
        assertThat(record.value()).isEqualTo("{\"n\":1}");
        // Kafka has it: the row is deleted.
        await().atMost(Duration.ofSeconds(10)).until(() -> TestSql.number(
                "select count(*) from outbox_event where event_id = ?", eventId) == 0);
    }

    @Test
    void marksAnEventKafkaRefusesAsFailedAndRelaysTheEventsAfterIt() {
        String topic = "backbone.oversized-" + UUID.randomUUID();
        // One transaction, so the relay reads all three in one round.
        List<String> ids = writer.commitTogether(topic, "key-1", "mercato.test.mixed.v1", Map.of("n", 1),
                Map.of("pad", "x".repeat(2 * 1024 * 1024)), Map.of("n", 2));
        String before = ids.get(0);
        String oversized = ids.get(1);
        String after = ids.get(2);

        TestKafka.awaitRecord(topic, r -> after.equals(eventIdOf(r)), Duration.ofSeconds(20));
        // A record can be on the topic before its acknowledgement reaches the relay; on a starved machine the ack of
        // a new topic's first batch may even expire (the producer's 30 s delivery timeout) and the round is run again.
        await().atMost(Duration.ofSeconds(45)).until(() -> TestSql.number(
                "select count(*) from outbox_event where event_id in (?, ?)", before, after) == 0);
        Map<String, Object> failed = TestSql.rows("select failed_at, failure_reason from outbox_event"
                + " where event_id = ?", oversized).get(0);
        assertThat(failed.get("failed_at")).isNotNull();
        assertThat((String) failed.get("failure_reason")).startsWith("RecordTooLargeException");
        assertThat(TestKafka.readAll(topic, Duration.ofSeconds(2))).extracting(OutboxRelayTest::eventIdOf)
                .containsExactly(before, after);

        // Ready, with a warning: the instance keeps serving and relaying everything else.
        given().get("/q/health/ready").then().log().ifValidationFails().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Outbox relay' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Outbox relay' }.data.failedEvents", greaterThanOrEqualTo(1))
                .body("checks.find { it.name == 'Outbox relay' }.data.warning", containsString("failed_at"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("mercato_outbox_failed_total"))
                .body(containsString("mercato_outbox_failed_events"));
        assertThat(TestSql.number("select count(*) from outbox_event where failed_at is not null")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void connectsAgainWhenTheRelaysConnectionIsLostAndRelaysWhatWasCommittedMeanwhile() {
        relayOnce("backbone.before-loss-");
        assertThat(TestSql.number(TERMINATE_RELAY)).isEqualTo(1);

        // Its commit notifies a relay whose connection is gone: the round fails, backs off and connects again.
        relayOnce("backbone.after-loss-");
        assertThat(TestSql.number("select count(*) from pg_stat_activity"
                + " where application_name = 'mercato-outbox-relay' and datname = current_database()")).isEqualTo(1);
    }

    @Test
    void relaysNothingWhileAnotherInstanceHoldsTheRelayLock() throws SQLException {
        relayOnce("backbone.before-standby-");
        String topic = "backbone.standby-" + UUID.randomUUID();
        String eventId;
        try (Connection otherInstance = TestSql.connection(); Statement statement = otherInstance.createStatement()) {
            // This instance loses its connection, and with it the lock; "another instance" takes the lock first.
            statement.execute(TERMINATE_RELAY);
            statement.execute("set lock_timeout = '10s'"); // the terminated backend lets go of the lock as it exits
            statement.execute("select pg_advisory_lock(" + RELAY_LOCK + ")");
            eventId = writer.commit(topic, "key-1", "mercato.test.standby.v1", Map.of("n", 1));

            // The commit notifies this instance, which finds the lock taken and leaves the row to the lock's holder.
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
            assertThat(TestSql.number("select count(*) from outbox_event where event_id = ? and failed_at is null",
                    eventId)).isEqualTo(1);
        }
        // The other instance is gone (its connection closed): the next round here takes the lock and relays the row.
        writer.commit(topic, "key-1", "mercato.test.standby.v1", Map.of("n", 2));
        TestKafka.awaitRecord(topic, r -> eventId.equals(eventIdOf(r)), Duration.ofSeconds(20));
    }

    /**
     * Ends the relay's database connection; answers how many it ended. The relay's pid is chosen first (a materialized
     * CTE): in a plain {@code where}, PostgreSQL may call {@code pg_terminate_backend} before the name test, on any
     * connection — the test's own included.
     */
    private static final String TERMINATE_RELAY = """
            with relay as materialized (select pid from pg_stat_activity
                                        where application_name = 'mercato-outbox-relay' and datname = current_database())
            select count(*) from relay where pg_terminate_backend(pid)""";

    /** The relay lock's key, as {@code RelayConnection} takes it. */
    private static final long RELAY_LOCK = 0x6d65726361746fL;

    /** Relays one event and waits until its row is deleted, so no round is running when this returns. */
    private void relayOnce(String topicPrefix) {
        String topic = topicPrefix + UUID.randomUUID();
        String eventId = writer.commit(topic, "key-1", "mercato.test.relayed.v1", Map.of("n", 1));
        TestKafka.awaitRecord(topic, r -> eventId.equals(eventIdOf(r)), Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(10)).until(() -> TestSql.number(
                "select count(*) from outbox_event where event_id = ?", eventId) == 0);
    }
}
