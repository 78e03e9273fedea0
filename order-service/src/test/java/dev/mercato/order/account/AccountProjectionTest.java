package dev.mercato.order.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AccountProjectionTest {

    @Test
    void keepsOrganizationsAsAccounts() {
        String id = OrganizationEvents.newOrganizationId();
        OrganizationEvents.send(id, "Projected Oy", "TENANT", "FI", 0);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/api/v1/accounts/" + id)
                .then().statusCode(200)
                .body("data.name", equalTo("Projected Oy"))
                .body("data.object", equalTo("account"))
                .body("data.accountType", equalTo("END_CUSTOMER"))
                .body("data.countryCode", equalTo("FI"))
                .body("data.metadata.seats", equalTo(10)));

        OrganizationEvents.send(id, "Renamed Oy", "TENANT", "FI", 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/api/v1/accounts/" + id)
                .then().statusCode(200).body("data.name", equalTo("Renamed Oy")));
    }

    @Test
    void appliesAnEventDeliveredTwiceOnlyOnce() {
        String id = OrganizationEvents.newOrganizationId();
        String eventId = UUID.randomUUID().toString();
        OrganizationEvents.send(eventId, id, "Original Oy", "TENANT", "SE", 0);
        // The same event id again, with a body that would change the account if it were applied.
        OrganizationEvents.send(eventId, id, "Redelivered Oy", "TENANT", "SE", 5);
        String marker = OrganizationEvents.newOrganizationId();
        OrganizationEvents.send(marker, "Marker Oy", "TENANT", "SE", 0);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.number("select count(*) from account where id = ?", marker) == 1);
        assertThat(TestSql.rows("select name, source_version from account where id = ?", id))
                .containsExactly(Map.of("name", "Original Oy", "source_version", 0L));
        assertThat(TestSql.number("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
    }

    @Test
    void ignoresAnOlderSnapshotArrivingLate() {
        String id = OrganizationEvents.newOrganizationId();
        OrganizationEvents.send(id, "Newest Oy", "TENANT", "DK", 3);
        OrganizationEvents.send(id, "Stale Oy", "TENANT", "DK", 2);
        String marker = OrganizationEvents.newOrganizationId();
        OrganizationEvents.send(marker, "Marker Oy", "TENANT", "DK", 0);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.number("select count(*) from account where id = ?", marker) == 1);
        assertThat(TestSql.rows("select name from account where id = ?", id)).containsExactly(Map.of("name", "Newest Oy"));
    }

    @Test
    void sendsAMalformedRecordToTheDeadLetterTopicAndGoesOn() {
        String poisonKey = "poison-" + UUID.randomUUID();
        TestKafka.send("identity.organizations", poisonKey, "{not json",
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), "mercato.identity.organization.created.v1",
                        poisonKey));
        String next = OrganizationEvents.newOrganizationId();
        OrganizationEvents.send(next, "After Poison Oy", "TENANT", "NO", 0);

        ConsumerRecord<String, String> dead = TestKafka.awaitRecord("orders.dead-letter",
                record -> poisonKey.equals(record.key()), Duration.ofSeconds(30));
        assertThat(dead.value()).isEqualTo("{not json");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/api/v1/accounts/" + next)
                .then().statusCode(200).body("data.name", equalTo("After Poison Oy")));
    }
}
