package dev.mercato.billing.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mercato.platform.id.Ids;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BillingCustomerProjectionTest {

    private static void send(String eventId, String id, String currency, int billingDay, long version) {
        String body = """
                {"id": "%s", "kind": "TENANT", "parentId": null, "ancestry": [], "name": "Billed Oy",
                 "externalId": null, "customerNumber": "5100196200", "countryCode": "FI", "address": null,
                 "segment": null, "status": "ACTIVE", "currency": "%s", "billingDay": %d, "metadata": {},
                 "createdAt": "%s", "updatedAt": "%s", "version": %d}"""
                .formatted(id, currency, billingDay, Instant.now(), Instant.now(), version);
        TestKafka.send("identity.organizations", id, body,
                TestKafka.cloudEventHeaders(eventId, "mercato.identity.organization.created.v1", id));
    }

    @Test
    void keepsOrganizationsAsBillingCustomersOncePerEvent() {
        String id = Ids.next("org");
        String eventId = UUID.randomUUID().toString();
        send(eventId, id, "sek", 15, 0);
        send(eventId, id, "usd", 3, 7); // redelivery of the same event id: must change nothing

        String marker = Ids.next("org");
        send(UUID.randomUUID().toString(), marker, "eur", 1, 0);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TestSql.number("select count(*) from billing_customer where id = ?", marker) == 1);

        assertThat(TestSql.rows("select currency, billing_day from billing_customer where id = ?", id))
                .containsExactly(Map.of("currency", "sek", "billing_day", 15));
    }

    @Test
    void sendsAMalformedRecordToTheDeadLetterTopic() {
        String key = "poison-" + UUID.randomUUID();
        TestKafka.send("identity.organizations", key, "[1, 2, 3]",
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), "mercato.identity.organization.created.v1", key));
        TestKafka.awaitRecord("billing.dead-letter", record -> key.equals(record.key()), Duration.ofSeconds(30));
    }
}
