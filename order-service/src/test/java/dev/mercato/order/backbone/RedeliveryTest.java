package dev.mercato.order.backbone;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.platform.events.OrganizationChangedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.outbox.OutboxEvent;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;

/**
 * At-least-once end to end: this service's own relay publishes an organization event, its own
 * consumer projects it; the relay then sends it again (as after a crash between Kafka's
 * acknowledgement and the commit of the published mark), and the consumer applies it once.
 */
@QuarkusTest
class RedeliveryTest {

    private static final Pattern DUPLICATES = Pattern.compile(
            "mercato_events_consumed_total\\{consumer=\"order-service.accounts\",outcome=\"duplicate\"} ([0-9.]+)");

    @Inject
    OutboxWriter writer;

    @Test
    void appliesAnEventTheRelaySentTwiceOnce() {
        TestOrganization tenant = TestOrganization.platform().child("TENANT");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        OrganizationChangedV1 created = new OrganizationChangedV1(tenant.id(), "TENANT", tenant.parentId(), tenant.ancestry(),
                "Twice Sent Oy", null, "1234567890", "FI", null, "SMB", "ACTIVE", "EUR", 1, Map.of(), now, now, 0);
        OutboxEvent row = writer.commitEvent(Topics.IDENTITY_ORGANIZATIONS, tenant.id(), OrganizationChangedV1.CREATED, created);
        String eventId = row.eventId;
        await().atMost(Duration.ofSeconds(60)).until(() -> TestSql.number(
                "select count(*) from outbox_event where event_id = ?", eventId) == 0
                && TestSql.number("select count(*) from account where id = ?", tenant.id()) == 1);
        List<Map<String, Object>> projected = TestSql.rows("select * from account where id = ?", tenant.id());
        double duplicatesBefore = duplicates();

        // The relay's delete is lost (a crash before it committed): the row is back, and the relay sends the event
        // again when next woken (the insert notifies it).
        TestSql.execute("""
                insert into outbox_event (event_id, topic, message_key, event_type, source, subject, occurred_at, payload)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", row.eventId, row.topic, row.messageKey, row.eventType, row.source,
                row.subject, Timestamp.from(row.occurredAt), row.payload);

        await().atMost(Duration.ofSeconds(60)).until(() -> TestKafka.readAll(Topics.IDENTITY_ORGANIZATIONS,
                Duration.ofSeconds(1)).stream().filter(r -> eventId.equals(eventIdOf(r.headers().lastHeader("ce_id").value())))
                .count() == 2);
        await().atMost(Duration.ofSeconds(60)).until(() -> duplicates() == duplicatesBefore + 1);
        assertThat(TestSql.rows("select * from account where id = ?", tenant.id())).isEqualTo(projected);
        assertThat(TestSql.number("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
    }

    private static String eventIdOf(byte[] header) {
        return new String(header, StandardCharsets.UTF_8);
    }

    private static double duplicates() {
        Matcher matcher = DUPLICATES.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
