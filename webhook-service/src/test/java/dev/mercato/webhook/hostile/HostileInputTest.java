package dev.mercato.webhook.hostile;

import static dev.mercato.webhook.Webhooks.WEBHOOKS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.mercato.testkit.HostileRequests;
import dev.mercato.webhook.Receiver;
import dev.mercato.webhook.Webhooks;
import dev.mercato.webhook.WithMarketplaceAndReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Malformed and hostile requests get a 4xx in the API error shape, never a 500. */
@QuarkusTest
class HostileInputTest extends WithMarketplaceAndReceiver {


    @Test
    void answersNoMalformedRequestWithAServerError() throws Exception {
        String token = Webhooks.admin(organizations.tenant);
        String url = receiver.url("hostile", Receiver.always(200));
        String id = Webhooks.create(organizations.tenant, url, null).id();
        String body = "{\"url\": \"" + url + "\", \"description\": \"d\", \"eventTypes\": [\"customer.created\"], "
                + "\"rateLimitPerSecond\": 5, \"customHeaders\": {\"X-Team\": \"a\"}, \"includeDescendants\": true}";
        HostileRequests.Tally tally = new HostileRequests(RestAssured.port, 20_261_203L, () -> token)
                .endpoint("POST", WEBHOOKS, body)
                .endpoint("PATCH", WEBHOOKS + "/" + id, body)
                .endpoint("GET", WEBHOOKS + "/{id}", null)
                .endpoint("GET", WEBHOOKS + "/{id}/deliveries", null)
                .endpoint("GET", WEBHOOKS + "/deliveries/{id}/attempts", null)
                .endpoint("POST", WEBHOOKS + "/{id}/replay?since=2026-01-01T00:00:00Z", null)
                .endpoint("POST", WEBHOOKS + "/{id}/rotate-secret?overlapMinutes=5", null)
                .endpoint("GET", WEBHOOKS + "?limit=5&sort=-createdAt&enabled=true", null)
                .send(1500);
        assertThat(tally.serverErrors()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"url\": \"http://93.184.216.34/\"}",
            "{\"url\": \"https://169.254.169.254/latest\"}",
            "{\"url\": \"https://0x7f.1/\"}",
            "{\"url\": \"https://[::ffff:10.0.0.1]/\"}",
            "{\"url\": \"not a url\"}",
            "{\"description\": \"no url\"}",
            "{\"url\": \"https://93.184.216.34/\", \"eventTypes\": [\"no.such\"]}",
            "{\"url\": \"https://93.184.216.34/\", \"eventTypes\": []}",
            "{\"url\": \"https://93.184.216.34/\", \"eventTypes\": [\"webhook.test\"]}",
            "{\"url\": \"https://93.184.216.34/\", \"customHeaders\": {\"webhook-signature\": \"x\"}}",
            "{\"url\": \"https://93.184.216.34/\", \"customHeaders\": {\"Host\": \"evil\"}}",
            "{\"url\": \"https://93.184.216.34/\", \"customHeaders\": {\"X-A\": \"a\\r\\nX-B: b\"}}",
            "{\"url\": \"https://93.184.216.34/\", \"customHeaders\": {\"bad name\": \"a\"}}",
            "{\"url\": \"https://93.184.216.34/\", \"rateLimitPerSecond\": 0}",
            "{\"url\": \"https://93.184.216.34/\", \"unknown\": 1}",
    })
    void refusesABadEndpointWith400(String body) {
        given().auth().oauth2(Webhooks.admin(organizations.tenant)).contentType("application/json").body(body)
                .post(WEBHOOKS).then().statusCode(400).body("code", equalTo(400));
    }

    @Test
    void refusesABadReplayWith400() {
        String id = Webhooks.create(organizations.tenant, receiver.url("hostile-replay", Receiver.always(200)), null).id();
        String token = Webhooks.admin(organizations.tenant);
        given().auth().oauth2(token).post(WEBHOOKS + "/" + id + "/replay").then().statusCode(400);
        given().auth().oauth2(token).post(WEBHOOKS + "/" + id + "/replay?since=yesterday").then().statusCode(400);
        given().auth().oauth2(token).post(WEBHOOKS + "/" + id + "/replay?since=2026-01-01T00:00:00Z&failedOnly=maybe")
                .then().statusCode(400);
        given().auth().oauth2(token).post(WEBHOOKS + "/" + id + "/rotate-secret?overlapMinutes=-1").then().statusCode(400);
    }

    @Test
    void servesTheEventCatalogueWithSchemas() {
        given().auth().oauth2(Webhooks.admin(organizations.tenant)).get(WEBHOOKS + "/event-types").then().statusCode(200)
                .body("data.find { it.name == 'privateOffer.accepted' }.schema.properties.data.properties.customerId.type",
                        equalTo("string"))
                .body("data.name", org.hamcrest.Matchers.hasItems("customer.created", "customer.updated",
                        "privateOffer.created", "privateOffer.accepted", "contract.expiring", "metering.confirmed",
                        "metering.failed", "entitlement.updated", "transaction.processed", "transaction.rejected",
                        "subscription.created", "subscription.updated", "balance.low", "invoice.finalized",
                        "invoice.paid", "endpoint.disabled"));
    }
}
