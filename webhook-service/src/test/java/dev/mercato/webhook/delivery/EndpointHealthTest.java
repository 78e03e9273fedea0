package dev.mercato.webhook.delivery;

import static dev.mercato.webhook.Webhooks.WEBHOOKS;
import static dev.mercato.webhook.Webhooks.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mercato.testkit.TestSql;
import dev.mercato.webhook.Receiver.Received;
import dev.mercato.webhook.Receiver;
import dev.mercato.webhook.Webhooks.Created;
import dev.mercato.webhook.Webhooks;
import dev.mercato.webhook.WithMarketplaceAndReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * An endpoint's health against a real receiver: the circuit breaker (three failures open it for three seconds, the
 * endpoint's messages wait while another endpoint's flow, one half-open probe at a time, a success closes it) and
 * automatic disabling of an endpoint that keeps failing (six seconds here instead of five days).
 */
@QuarkusTest
@TestProfile(EndpointHealthTest.FastBreaker.class)
class EndpointHealthTest extends WithMarketplaceAndReceiver {

    static final Duration OPEN = Duration.ofSeconds(3);

    /** Threshold 3, open 3 s, disabled after 6 s of failures; retries every half second, long enough to outlast both. */
    public static class FastBreaker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mercato.webhooks.circuit-breaker-threshold", "3",
                    "mercato.webhooks.circuit-breaker-open", "PT3S",
                    "mercato.webhooks.disable-after", "PT6S",
                    "mercato.webhooks.retry-schedule", "PT0S" + ",PT0.5S".repeat(30));
        }
    }


    @Test
    void consecutiveFailuresOpenTheCircuitAndAHalfOpenProbeClosesIt() {
        Created broken = Webhooks.create(organizations.tenant, receiver.url("broken", Receiver.always(500)), null);
        Created healthy = Webhooks.create(organizations.tenant, receiver.url("healthy", Receiver.always(200)), null);
        Webhooks.entitlementChanged("ent_" + UUID.randomUUID(), organizations.tenant, 1, null);

        await().atMost(Duration.ofSeconds(20)).until(() -> TestSql.number("select count(*) from webhook_endpoint "
                + "where id = ? and circuit_open_until > now()", broken.id()) == 1);
        int failedBeforeOpening = receiver.at(broken.url()).size();
        assertThat(failedBeforeOpening).isEqualTo(3);
        java.time.Instant openUntil = java.time.Instant.ofEpochMilli(TestSql.number("select (extract(epoch from "
                + "circuit_open_until) * 1000)::bigint from webhook_endpoint where id = ?", broken.id()));
        // While the circuit is open the broken endpoint gets nothing, the healthy one gets everything at once.
        for (int i = 0; i < 3; i++) {
            Webhooks.entitlementChanged("ent_" + UUID.randomUUID(), organizations.tenant, 1, null);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.at(healthy.url()), r -> r.size() == 4);
        // (on a loaded machine the open period may be over by now, and a half-open probe gone out: that is no fault)
        assertThat(receiver.at(broken.url()).stream().skip(failedBeforeOpening))
                .allSatisfy(probe -> assertThat(probe.at()).isAfterOrEqualTo(openUntil.minusMillis(100)));

        // The first probe fails and opens the circuit again; the second succeeds and the rest follows.
        receiver.answer(broken.url(), n -> n <= failedBeforeOpening ? 500 : 200);
        List<Received> all = await().atMost(Duration.ofSeconds(30)).until(() -> receiver.at(broken.url()),
                r -> r.size() >= failedBeforeOpening + 2 + 3);
        Received opened = all.get(failedBeforeOpening - 1);
        Received failedProbe = all.get(failedBeforeOpening);
        Received probe = all.get(failedBeforeOpening + 1);
        // Nothing in between: each half-open period lets one message through.
        assertThat(Duration.between(opened.at(), failedProbe.at())).isGreaterThanOrEqualTo(OPEN.minusMillis(100));
        assertThat(Duration.between(failedProbe.at(), probe.at())).isGreaterThanOrEqualTo(OPEN.minusMillis(100));
        await().atMost(Duration.ofSeconds(10)).until(() -> TestSql.number("select count(*) from webhook_message "
                + "where endpoint_id = ? and status = 'DELIVERED'", broken.id()) == 4);
        assertThat(all.stream().map(r -> r.header("webhook-id")).distinct()).hasSize(4);
        assertThat(TestSql.rows("select consecutive_failures, circuit_open_until from webhook_endpoint where id = ?",
                broken.id()).get(0)).containsEntry("consecutive_failures", 0).containsEntry("circuit_open_until", null);
    }

    @Test
    void anEndpointFailingTooLongIsDisabledSaysWhyAndResumesWhenEnabled() {
        Created failing = Webhooks.create(organizations.otherTenant, receiver.url("failing", Receiver.always(503)),
                "\"eventTypes\": [\"entitlement.updated\"]");
        Created watcher = Webhooks.create(organizations.otherTenant, receiver.url("watcher", Receiver.always(200)),
                "\"eventTypes\": [\"endpoint.disabled\"]");
        Webhooks.entitlementChanged("ent_" + UUID.randomUUID(), organizations.otherTenant, 1, null);

        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.number(
                "select count(*) from webhook_endpoint where id = ? and not enabled", failing.id()) == 1);
        given().auth().oauth2(admin(organizations.otherTenant)).get(WEBHOOKS + "/" + failing.id()).then().statusCode(200)
                .body("data.enabled", equalTo(false)).body("data.disabledReason", equalTo("FAILING"));
        Received notice = await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(watcher.url()), r -> r.size() == 1)
                .get(0);
        JsonPath payload = JsonPath.from(notice.body());
        assertThat(payload.getString("event")).isEqualTo("endpoint.disabled");
        assertThat(payload.getString("data.id")).isEqualTo(failing.id());
        assertThat(payload.getString("data.reason")).isEqualTo("FAILING");
        int attemptsWhileEnabled = receiver.at(failing.url()).size();
        assertThat(TestSql.number("select count(*) from webhook_message where endpoint_id = ? and status = 'PENDING'",
                failing.id())).isEqualTo(1);

        receiver.answer(failing.url(), Receiver.always(200));
        given().auth().oauth2(admin(organizations.otherTenant)).contentType("application/json")
                .body("{\"enabled\": true}").patch(WEBHOOKS + "/" + failing.id()).then().statusCode(200)
                .body("data.enabled", equalTo(true)).body("data.disabledReason", nullValue());
        await().atMost(Duration.ofSeconds(20)).until(() -> TestSql.number("select count(*) from webhook_message "
                + "where endpoint_id = ? and status = 'DELIVERED'", failing.id()) == 1);
        assertThat(receiver.at(failing.url())).hasSize(attemptsWhileEnabled + 1);
    }
}
