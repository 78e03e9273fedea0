package dev.mercato.webhook.event;

import static dev.mercato.testkit.TestKafka.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import dev.mercato.webhook.Receiver;
import dev.mercato.webhook.Receiver.Received;
import dev.mercato.webhook.Webhooks;
import dev.mercato.webhook.Webhooks.Created;
import dev.mercato.webhook.WithMarketplaceAndReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The domain topics are read a poll at a time, one transaction per poll: a poison record among good ones goes alone
 * to the dead-letter topic, an event repeated within a poll or across polls is fanned out once, a poll whose
 * transaction fails is tried again with its effect once, an event that makes no public event leaves no inbox row, and an event of a subject whose earlier event waits (for an
 * organization not yet known) waits behind it and goes out after it.
 */
@QuarkusTest
class BatchFanOutTest extends WithMarketplaceAndReceiver {

    private static final String ONLY_ENTITLEMENTS = "\"eventTypes\": [\"entitlement.updated\"]";

    @Test
    void aPoisonRecordAmongGoodOnesGoesAloneToTheDeadLetterTopic() {
        Created endpoint = Webhooks.create(organizations.tenant, receiver.url("batch-poison", Receiver.always(200)),
                ONLY_ENTITLEMENTS);
        String before = entitlement("ent_" + UUID.randomUUID(), organizations.tenant, 1, UUID.randomUUID().toString());
        String poisonEvent = UUID.randomUUID().toString();
        // an entitlement without its id: no subject, so never deliverable
        TestKafka.send("orders.entitlements", "ent_poison", "{\"customerId\": \"" + organizations.tenant.id() + "\"}",
                TestKafka.cloudEventHeaders(poisonEvent, "mercato.orders.entitlement.changed.v1", "ent_poison"));
        String after = entitlement("ent_" + UUID.randomUUID(), organizations.tenant, 2, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(endpoint.url()), r -> r.size() == 2);
        assertThat(receiver.at(endpoint.url())).extracting(r -> JsonPath.from(r.body()).getString("data.id"))
                .containsExactly(before, after);
        ConsumerRecord<String, String> letter = TestKafka.awaitRecord("webhooks.dead-letter",
                r -> poisonEvent.equals(header(r, "ce_id")), Duration.ofSeconds(20));
        assertThat(header(letter, "dead-letter-topic")).isEqualTo("orders.entitlements");
        assertThat(header(letter, "dead-letter-reason")).contains("has no id");
    }

    @Test
    void anEventSentAgainWithinAPollOrLaterIsFannedOutOnce() {
        Created endpoint = Webhooks.create(organizations.tenant, receiver.url("batch-repeat", Receiver.always(200)),
                ONLY_ENTITLEMENTS);
        String eventId = UUID.randomUUID().toString();
        String entitlementId = "ent_" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            entitlement(entitlementId, organizations.tenant, 4, eventId);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(endpoint.url()), r -> !r.isEmpty());
        entitlement(entitlementId, organizations.tenant, 4, eventId);
        String marker = entitlement("ent_" + UUID.randomUUID(), organizations.tenant, 1, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(endpoint.url()), r -> r.size() >= 2);
        assertThat(receiver.at(endpoint.url())).extracting(r -> JsonPath.from(r.body()).getString("data.id"))
                .containsExactly(entitlementId, marker);
        assertThat(TestSql.number("select count(*) from webhook_message where subject = ? and endpoint_id = ?",
                entitlementId, endpoint.id())).isEqualTo(1);
    }

    @Test
    void anEventThatMakesNoPublicEventPassesWithoutAnInboxRow() {
        Created endpoint = Webhooks.create(organizations.tenant, receiver.url("batch-ignored", Receiver.always(200)),
                ONLY_ENTITLEMENTS);
        String entitlementId = "ent_" + UUID.randomUUID();
        String ignoredEvent = UUID.randomUUID().toString();
        // a type webhook-service makes nothing of, then an entitlement under the same key (so after it on its partition)
        TestKafka.send("orders.entitlements", entitlementId, "{\"id\": \"" + entitlementId + "\"}",
                TestKafka.cloudEventHeaders(ignoredEvent, "mercato.orders.entitlement.audited.v1", entitlementId));
        String markerEvent = UUID.randomUUID().toString();
        entitlement(entitlementId, organizations.tenant, 5, markerEvent);

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(endpoint.url()), r -> r.size() == 1);
        assertThat(TestSql.number("select count(*) from processed_event where event_id = ?", markerEvent)).isEqualTo(1);
        assertThat(TestSql.number("select count(*) from processed_event where event_id = ?", ignoredEvent)).isZero();
    }

    @Test
    void anEventWaitsBehindAnEarlierEventOfItsSubjectThatWaitsForItsOrganization() {
        TestOrganization lateTenant = organizations.partner.child("TENANT");
        Created partnerEndpoint = Webhooks.create(organizations.partner, receiver.url("batch-order", Receiver.always(200)),
                "\"includeDescendants\": true, " + ONLY_ENTITLEMENTS);
        String entitlementId = "ent_" + UUID.randomUUID();
        // the first version names a tenant not yet known; the second, about the same entitlement, one that is known
        entitlement(entitlementId, lateTenant, 1, UUID.randomUUID().toString());
        entitlement(entitlementId, organizations.tenant, 2, UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(20)).until(() -> TestSql.number(
                "select count(*) from webhook_parked_event where subject = ?", entitlementId) == 2);
        assertThat(receiver.at(partnerEndpoint.url())).isEmpty();

        OrganizationEvents.send(lateTenant, "Late tenant", "FI", 0);

        List<Received> received = await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(partnerEndpoint.url()),
                r -> r.size() == 2);
        assertThat(received).extracting(r -> JsonPath.from(r.body()).getInt("data.seats")).containsExactly(1, 2);
        assertThat(TestSql.number("select count(*) from webhook_parked_event where subject = ?", entitlementId)).isZero();
    }

    @Test
    void aPollWhoseTransactionFailsIsTriedAgainAndTakesEffectOnce() {
        Created endpoint = Webhooks.create(organizations.tenant, receiver.url("batch-flaky", Receiver.always(200)),
                ONLY_ENTITLEMENTS);
        String entitlementId = "ent_flaky_" + UUID.randomUUID().toString().substring(0, 8);
        // the first two inserts of its message fail as a lost race would (serialization failure), whole transaction
        TestSql.execute("create sequence " + entitlementId);
        TestSql.execute("""
                create function %1$s() returns trigger language plpgsql as $$
                begin
                    if new.subject = '%1$s' and nextval('%1$s') <= 2 then
                        raise exception 'flaky %1$s' using errcode = '40001';
                    end if;
                    return new;
                end $$""".formatted(entitlementId));
        TestSql.execute("create trigger %1$s before insert on webhook_message for each row execute function %1$s()"
                .formatted(entitlementId));
        try {
            String eventId = UUID.randomUUID().toString();
            entitlement(entitlementId, organizations.tenant, 3, eventId);

            Received received = await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at(endpoint.url()),
                    r -> !r.isEmpty()).get(0);
            assertThat(JsonPath.from(received.body()).getString("data.id")).isEqualTo(entitlementId);
            // two failed tries, then one message per recipient endpoint of the tenant (this class's other tests' too)
            assertThat(TestSql.number("select last_value from " + entitlementId)).isGreaterThan(2);
            assertThat(TestSql.number("select count(*) from webhook_message where subject = ? and endpoint_id = ?",
                    entitlementId, endpoint.id())).isEqualTo(1);
            assertThat(TestSql.number("select count(*) from processed_event where event_id = ?", eventId)).isEqualTo(1);
        } finally {
            TestSql.execute("drop trigger " + entitlementId + " on webhook_message");
            TestSql.execute("drop function " + entitlementId + "()");
            TestSql.execute("drop sequence " + entitlementId);
        }
    }

    /** Entitlement {@code id} of {@code customer} with {@code seats}, published as event {@code eventId}. */
    private static String entitlement(String id, TestOrganization customer, int seats, String eventId) {
        String body = """
                {"id": "%s", "customerId": "%s", "customerCsn": "1234567890", "customerName": "Customer",
                 "listingId": "lst_1", "sku": null, "description": "Product", "dimensions": ["api_calls"], "seats": %d,
                 "startDate": "2026-01-01", "endDate": "2027-01-01", "status": "ACTIVE", "subscriptions": ["SN1"],
                 "createdAt": "%s", "lastUpdated": "%s", "version": %d}"""
                .formatted(id, customer.id(), seats, Instant.now(), Instant.now(), seats);
        TestKafka.send("orders.entitlements", id, body,
                TestKafka.cloudEventHeaders(eventId, "mercato.orders.entitlement.changed.v1", id));
        return id;
    }

}
