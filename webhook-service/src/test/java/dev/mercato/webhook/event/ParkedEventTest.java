package dev.mercato.webhook.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import dev.mercato.webhook.Receiver.Received;
import dev.mercato.webhook.Receiver;
import dev.mercato.webhook.Webhooks.Created;
import dev.mercato.webhook.Webhooks;
import dev.mercato.webhook.WithMarketplaceAndReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * An event about an organization identity-service has not announced yet (its event is late on identity.organizations)
 * is not lost: it waits, and is delivered to the right endpoints once the organization arrives.
 */
@QuarkusTest
class ParkedEventTest extends WithMarketplaceAndReceiver {


    @Test
    void anEventForAnOrganizationNotYetKnownWaitsAndIsDeliveredWhenItArrives() {
        TestOrganization lateTenant = organizations.partner.child("TENANT");
        String only = "\"eventTypes\": [\"entitlement.updated\"]";
        Created tenantEndpoint = Webhooks.create(lateTenant, receiver.url("late-tenant", Receiver.always(200)), only);
        Created partnerEndpoint = Webhooks.create(organizations.partner, receiver.url("late-partner", Receiver.always(200)),
                "\"includeDescendants\": true, " + only);
        Created foreign = Webhooks.create(organizations.otherPartner, receiver.url("late-foreign", Receiver.always(200)),
                "\"includeDescendants\": true, " + only);
        String entitlement = Webhooks.entitlementChanged("ent_" + UUID.randomUUID(), lateTenant, 3, null);

        await().atMost(Duration.ofSeconds(20)).until(() -> TestSql.number(
                "select count(*) from webhook_parked_event where subject = ?", entitlement) == 1);
        assertThat(TestSql.number("select count(*) from webhook_message where subject = ?", entitlement)).isZero();

        OrganizationEvents.send(lateTenant, "Late tenant", "FI", 0);

        for (Created endpoint : new Created[] {tenantEndpoint, partnerEndpoint}) {
            Received received = await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(endpoint.url()),
                    r -> r.size() == 1).get(0);
            JsonPath payload = JsonPath.from(received.body());
            assertThat(payload.getString("event")).isEqualTo("entitlement.updated");
            assertThat(payload.getString("data.id")).isEqualTo(entitlement);
            assertThat(payload.getInt("data.seats")).isEqualTo(3);
        }
        assertThat(TestSql.number("select count(*) from webhook_parked_event where subject = ?", entitlement)).isZero();
        assertThat(receiver.at(foreign.url())).isEmpty();
    }
}
