package dev.mercato.webhook.delivery;

import static dev.mercato.webhook.Webhooks.WEBHOOKS;
import static dev.mercato.webhook.Webhooks.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.testkit.TestSql;
import dev.mercato.webhook.Receiver.Received;
import dev.mercato.webhook.Receiver;
import dev.mercato.webhook.WebhookConfig;
import dev.mercato.webhook.Webhooks.Created;
import dev.mercato.webhook.Webhooks;
import dev.mercato.webhook.WithMarketplaceAndReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Deliveries from domain events on real Kafka, stored in the real database, to a real HTTP receiver: signatures,
 * payload, retries, Retry-After, 410, timeouts, closed connections, ordering per subject, no head-of-line blocking
 * across endpoints, and messages left in flight by a crashed instance.
 */
@QuarkusTest
class DeliveryTest extends WithMarketplaceAndReceiver {

    @Inject
    DeliveryEngine engine;

    @Inject
    WebhookConfig config;

    @Test
    void signsEveryDeliveryForBothKindsOfVerifier() throws Exception {
        Created endpoint = Webhooks.create(organizations.tenant, receiver.url("ok", Receiver.always(200)), null);
        String requestId = "req-" + UUID.randomUUID();
        String entitlement = Webhooks.entitlementChanged("ent_" + UUID.randomUUID(), organizations.tenant, 5, requestId);

        Received received = await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(endpoint.url()), r -> !r.isEmpty())
                .get(0);
        Webhooks.verifyStandard(endpoint.secret(), received);
        assertThat(received.header("X-Mercato-Signature")).isEqualTo(Webhooks.hexHmac(endpoint.secret(), received.body()));
        assertThat(received.header("X-Request-ID")).isEqualTo(requestId);
        assertThat(received.header("webhook-id")).startsWith("msg_");
        JsonPath payload = JsonPath.from(received.body());
        assertThat(payload.getString("event")).isEqualTo("entitlement.updated");
        assertThat(payload.getString("id")).startsWith("evt_");
        assertThat(payload.getString("timestamp")).isNotBlank();
        assertThat(payload.getString("data.id")).isEqualTo(entitlement);
        assertThat(payload.getInt("data.seats")).isEqualTo(5);
        assertThat(payload.getMap("data")).doesNotContainKey("version");
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(status(received.header("webhook-id"))));
    }

    @Test
    void aRotationSignsWithBothSecretsDuringTheOverlap() throws Exception {
        Created endpoint = Webhooks.create(organizations.tenant, receiver.url("rotate", Receiver.always(200)), null);
        String newSecret = given().auth().oauth2(admin(organizations.tenant))
                .post(WEBHOOKS + "/" + endpoint.id() + "/rotate-secret").then().statusCode(200)
                .extract().jsonPath().getString("data.secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(endpoint.secret());
        Webhooks.entitlementChanged("ent_" + UUID.randomUUID(), organizations.tenant, 1, null);

        Received received = await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(endpoint.url()), r -> !r.isEmpty())
                .get(0);
        assertThat(received.header("webhook-signature").split(" ")).hasSize(2);
        Webhooks.verifyStandard(endpoint.secret(), received);
        Webhooks.verifyStandard(newSecret, received);
        assertThat(received.header("X-Mercato-Signature")).isEqualTo(Webhooks.hexHmac(newSecret, received.body()));
        assertThat(received.header("X-Mercato-Signature-Previous"))
                .isEqualTo(Webhooks.hexHmac(endpoint.secret(), received.body()));
    }

    @Test
    void retriesAFailingReceiverWithTheSameWebhookIdAndRecordsEveryAttempt() {
        Created endpoint = Webhooks.create(organizations.tenant, receiver.url("flaky", Receiver.failing(2, 500)), null);
        Webhooks.entitlementChanged("ent_" + UUID.randomUUID(), organizations.tenant, 1, null);

        List<Received> all = await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(endpoint.url()), r -> r.size() == 3);
        assertThat(all).extracting(r -> r.header("webhook-id")).containsOnly(all.get(0).header("webhook-id"));
        String delivery = all.get(0).header("webhook-id");
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(status(delivery)));
        given().auth().oauth2(admin(organizations.tenant)).get(WEBHOOKS + "/deliveries/" + delivery + "/attempts")
                .then().statusCode(200)
                .body("data.size()", equalTo(3))
                .body("data[0].statusCode", equalTo(500)).body("data[0].outcome", equalTo("FAILED"))
                .body("data[0].responseExcerpt", equalTo("answer 500"))
                .body("data[2].statusCode", equalTo(200)).body("data[2].outcome", equalTo("SUCCEEDED"));
        given().auth().oauth2(admin(organizations.tenant)).get(WEBHOOKS + "/" + endpoint.id() + "/deliveries")
                .then().statusCode(200).body("data[0].id", equalTo(delivery)).body("data[0].attempts", equalTo(3));
    }

    @Test
    void honoursRetryAfter() {
        Created endpoint = Webhooks.create(organizations.tenant, receiver.url("limited", Receiver.failing(1, 429)), null);
        Webhooks.entitlementChanged("ent_" + UUID.randomUUID(), organizations.tenant, 1, null);
        List<Received> all = await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(endpoint.url()), r -> r.size() == 2);
        // The schedule's second delay is 0.2 s in tests; the receiver asked for 1 s.
        assertThat(Duration.between(all.get(0).at(), all.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void goneDisablesTheEndpointAndTellsItsOwner() {
        Created gone = Webhooks.create(organizations.partner, receiver.url("gone", Receiver.always(410)),
                "\"includeDescendants\": true, \"eventTypes\": [\"entitlement.updated\"]");
        Created watcher = Webhooks.create(organizations.partner, receiver.url("watcher", Receiver.always(200)),
                "\"eventTypes\": [\"endpoint.disabled\"]");
        Webhooks.entitlementChanged("ent_" + UUID.randomUUID(), organizations.tenant, 1, null);

        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(gone.url()), r -> r.size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> TestSql.number(
                "select count(*) from webhook_endpoint where id = ? and not enabled", gone.id()) == 1);
        given().auth().oauth2(admin(organizations.partner)).get(WEBHOOKS + "/" + gone.id()).then().statusCode(200)
                .body("data.enabled", equalTo(false)).body("data.disabledReason", equalTo("GONE"));
        Received notice = await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(watcher.url()), r -> r.size() == 1)
                .get(0);
        JsonPath payload = JsonPath.from(notice.body());
        assertThat(payload.getString("event")).isEqualTo("endpoint.disabled");
        assertThat(payload.getString("data.id")).isEqualTo(gone.id());
        assertThat(payload.getString("data.reason")).isEqualTo("GONE");
        assertThat(TestSql.number("select count(*) from webhook_message where endpoint_id = ? and status = 'FAILED'",
                gone.id())).isEqualTo(1);
    }

    @Test
    void aClosedConnectionOrATimeoutIsAFailedAttemptThatIsRetried() {
        Created closing = Webhooks.create(organizations.tenant, receiver.url("close", n -> n == 0 ? -1 : 200), null);
        Created slow = Webhooks.create(organizations.tenant, receiver.url("slow", n -> n == 0 ? -2 : 200), null);
        Webhooks.entitlementChanged("ent_" + UUID.randomUUID(), organizations.tenant, 1, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at(closing.url()), r -> r.size() == 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at(slow.url()), r -> r.size() == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> TestSql.number("select count(*) from webhook_attempt where "
                + "endpoint_id in (?, ?) and outcome = 'FAILED' and status_code is null and error is not null",
                closing.id(), slow.id()) == 2);
        assertThat(TestSql.rows("select error from webhook_attempt where endpoint_id = ? and outcome = 'FAILED'", slow.id())
                .get(0).get("error").toString()).containsIgnoringCase("timeout");
    }

    @Test
    void keepsOrderPerSubjectAndAFailingEndpointDoesNotDelayAHealthyOne() {
        // The first attempt fails; the later messages of the same subject wait for it.
        Created ordered = Webhooks.create(organizations.otherTenant, receiver.url("ordered", Receiver.failing(1, 500)), null);
        Created dead = Webhooks.create(organizations.otherPartner, receiver.url("dead", n -> -2),
                "\"includeDescendants\": true");
        String entitlement = "ent_" + UUID.randomUUID();
        for (int seats = 1; seats <= 5; seats++) {
            Webhooks.entitlementChanged(entitlement, organizations.otherTenant, seats, null);
        }
        List<Received> all = await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(ordered.url()),
                r -> r.size() == 6);
        List<Integer> seats = all.stream().skip(1).map(r -> JsonPath.from(r.body()).getInt("data.seats")).toList();
        assertThat(seats).containsExactly(1, 2, 3, 4, 5);
        // Meanwhile every message to the hanging endpoint is stuck in its first attempts, and more keep coming.
        assertThat(receiver.at(dead.url())).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aMessageLeftInFlightByACrashedInstanceIsSentWhenItsLeaseRunsOut() {
        Created endpoint = Webhooks.create(organizations.vendor, receiver.url("crash", Receiver.always(200)), null);
        String id = "msg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 26);
        // Claimed by an instance that died: still PENDING, due once its lease (3 s in tests) ends.
        TestSql.execute("""
                insert into webhook_message (id, endpoint_id, event_id, event_type, subject, payload, status, attempts,
                    next_attempt_at, created_at)
                values (?, ?, 'evt_crash', 'webhook.test', ?, '{"id":"evt_crash","event":"webhook.test","data":{}}',
                    'PENDING', 0, now() + interval '2 seconds', now())""", id, endpoint.id(), id);
        Received received = await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(endpoint.url()), r -> !r.isEmpty())
                .get(0);
        assertThat(received.header("webhook-id")).isEqualTo(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(status(id)));
    }

    @Test
    void saveAndTestAnswersWithTheAttemptsOutcome() throws Exception {
        Created ok = Webhooks.create(organizations.vendor, receiver.url("test-ok", Receiver.always(200)), null);
        Created failing = Webhooks.create(organizations.vendor, receiver.url("test-fail", Receiver.always(500)), null);
        given().auth().oauth2(admin(organizations.vendor)).post(WEBHOOKS + "/" + ok.id() + "/test").then().statusCode(200)
                .body("data.succeeded", equalTo(true)).body("data.statusCode", equalTo(200));
        given().auth().oauth2(admin(organizations.vendor)).post(WEBHOOKS + "/" + failing.id() + "/test").then()
                .statusCode(200).body("data.succeeded", equalTo(false)).body("data.statusCode", equalTo(500))
                .body("data.responseExcerpt", equalTo("answer 500"));
        Received test = receiver.at(ok.url()).get(0);
        assertThat(JsonPath.from(test.body()).getString("event")).isEqualTo("webhook.test");
        Webhooks.verifyStandard(ok.secret(), test);
    }

    @Test
    void redeliverAndReplaySendAgainWithTheSameWebhookId() {
        Created endpoint = Webhooks.create(organizations.vendor, receiver.url("replay", Receiver.always(200)), null);
        String offer = "ofr_" + UUID.randomUUID();
        Webhooks.offer("mercato.catalog.offer.created.v1", offer, organizations.vendor, organizations.tenant);
        Received first = await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(endpoint.url()), r -> r.size() == 1)
                .get(0);
        String delivery = first.header("webhook-id");
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(status(delivery)));
        given().auth().oauth2(admin(organizations.vendor)).post(WEBHOOKS + "/deliveries/" + delivery + "/redeliver")
                .then().statusCode(200).body("data.queued", equalTo(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(endpoint.url()), r -> r.size() == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(status(delivery)));
        given().auth().oauth2(admin(organizations.vendor))
                .post(WEBHOOKS + "/" + endpoint.id() + "/replay?since=2020-01-01T00:00:00Z&failedOnly=true")
                .then().statusCode(200).body("data.queued", equalTo(0));
        given().auth().oauth2(admin(organizations.vendor))
                .post(WEBHOOKS + "/" + endpoint.id() + "/replay?since=2020-01-01T00:00:00Z")
                .then().statusCode(200).body("data.queued", equalTo(1));
        List<Received> all = await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(endpoint.url()), r -> r.size() == 3);
        assertThat(all).extracting(r -> r.header("webhook-id")).containsOnly(delivery);
        assertThat(JsonPath.from(first.body()).getMap("data")).doesNotContainKey("version");
    }

    @Test
    void aReceiverNeverHasMoreRequestsOfAnEndpointAtOnceThanItsLimit() {
        // every request hangs until the attempt times out (2 s in tests): no slot comes free before that
        Created hanging = Webhooks.create(organizations.tenant, receiver.url("crowded", n -> -2),
                "\"eventTypes\": [\"entitlement.updated\"]");
        // limit + 8 messages are all stored before the engine looks, so they are due at once however slowly they were published
        engine.pause(true);
        int limit = config.maxInFlightPerEndpoint();
        int messages = limit + 8;
        java.time.Instant woke;
        try {
            for (int i = 0; i < messages; i++) {
                Webhooks.entitlementChanged("ent_" + UUID.randomUUID(), organizations.tenant, 1, null);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.rows(
                    "select id from webhook_message where endpoint_id = ?", hanging.id()).size() == messages);
        } finally {
            // Nothing is sent before this instant, and a slot comes free only when an attempt has ended: after the
            // request timeout (2 s in tests) at the earliest. So whatever the load, a request that reaches the receiver
            // sooner than that after the engine woke up was sent while every earlier one was still open.
            woke = java.time.Instant.now();
            engine.pause(false);
        }
        engine.wake();
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at(hanging.url()), r -> r.size() >= limit);
        await().atMost(Duration.ofSeconds(5)).until(() -> java.time.Instant.now().isAfter(woke.plusMillis(1900)));
        // max-in-flight-per-endpoint: the other 8 waited for a slot, although the engine has room for more
        assertThat(receiver.at(hanging.url()).stream().filter(r -> r.at().isBefore(woke.plusMillis(1900))))
                .hasSizeLessThanOrEqualTo(limit);
    }

    private static String status(String messageId) {
        List<Map<String, Object>> rows = TestSql.rows("select status from webhook_message where id = ?", messageId);
        return rows.isEmpty() ? null : (String) rows.get(0).get("status");
    }
}
