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

import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class AccountProjectionTest {

    private static RequestSpecification asPlatformAdmin() {
        return given().auth().oauth2(OrganizationEvents.platformAdmin());
    }

    @Test
    void keepsOrganizationsAsAccounts() {
        TestOrganization tenant = OrganizationEvents.newOrganization("TENANT");
        String id = tenant.id();
        OrganizationEvents.send(tenant, "Projected Oy", "FI", 0);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asPlatformAdmin().get("/api/v1/accounts/" + id)
                .then().statusCode(200)
                .body("data.name", equalTo("Projected Oy"))
                .body("data.object", equalTo("account"))
                .body("data.accountType", equalTo("END_CUSTOMER"))
                .body("data.countryCode", equalTo("FI"))
                .body("data.metadata.seats", equalTo(10)));

        OrganizationEvents.send(tenant, "Renamed Oy", "FI", 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asPlatformAdmin().get("/api/v1/accounts/" + id)
                .then().statusCode(200).body("data.name", equalTo("Renamed Oy")));
    }

    @Test
    void appliesAnEventDeliveredTwiceOnlyOnce() {
        TestOrganization tenant = OrganizationEvents.newOrganization("TENANT");
        String id = tenant.id();
        String eventId = UUID.randomUUID().toString();
        OrganizationEvents.send(eventId, tenant, "Original Oy", "SE", 0);
        // The same event id again, with a body that would change the account if it were applied.
        OrganizationEvents.send(eventId, tenant, "Redelivered Oy", "SE", 5);
        TestOrganization markerTenant = OrganizationEvents.newOrganization("TENANT");
        String marker = markerTenant.id();
        OrganizationEvents.send(markerTenant, "Marker Oy", "SE", 0);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.number("select count(*) from account where id = ?", marker) == 1);
        assertThat(TestSql.rows("select name, source_version from account where id = ?", id))
                .containsExactly(Map.of("name", "Original Oy", "source_version", 0L));
        assertThat(TestSql.number("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
    }

    @Test
    void ignoresAnOlderSnapshotArrivingLate() {
        TestOrganization tenant = OrganizationEvents.newOrganization("TENANT");
        String id = tenant.id();
        OrganizationEvents.send(tenant, "Newest Oy", "DK", 3);
        OrganizationEvents.send(tenant, "Stale Oy", "DK", 2);
        TestOrganization markerTenant = OrganizationEvents.newOrganization("TENANT");
        String marker = markerTenant.id();
        OrganizationEvents.send(markerTenant, "Marker Oy", "DK", 0);

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
        TestOrganization nextTenant = OrganizationEvents.newOrganization("TENANT");
        String next = nextTenant.id();
        OrganizationEvents.send(nextTenant, "After Poison Oy", "NO", 0);

        ConsumerRecord<String, String> dead = TestKafka.awaitRecord("orders.dead-letter",
                record -> poisonKey.equals(record.key()), Duration.ofSeconds(30));
        assertThat(dead.value()).isEqualTo("{not json");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asPlatformAdmin().get("/api/v1/accounts/" + next)
                .then().statusCode(200).body("data.name", equalTo("After Poison Oy")));
    }
}
