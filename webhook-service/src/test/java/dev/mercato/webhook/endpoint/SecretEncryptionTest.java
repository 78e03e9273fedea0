package dev.mercato.webhook.endpoint;

import static dev.mercato.webhook.Webhooks.WEBHOOKS;
import static dev.mercato.webhook.Webhooks.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.util.Map;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

import db.migration.V3__EncryptEndpointSecrets;
import dev.mercato.testkit.TestSql;
import dev.mercato.webhook.Receiver.Received;
import dev.mercato.webhook.Receiver;
import dev.mercato.webhook.Webhooks.Created;
import dev.mercato.webhook.Webhooks;
import dev.mercato.webhook.WithMarketplaceAndReceiver;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Endpoint secrets at rest: the columns never hold a secret as issued (after creation, after rotation, and after the
 * migration that encrypts rows stored before encryption), and deliveries are still signed with the issued secret.
 */
@QuarkusTest
class SecretEncryptionTest extends WithMarketplaceAndReceiver {


    @Test
    void theSecretColumnsNeverHoldTheIssuedSecret() throws Exception {
        Created endpoint = Webhooks.create(organizations.vendor, receiver.url("sealed", Receiver.always(200)), null);
        assertStoredSealed(endpoint.id(), endpoint.secret());
        String rotated = given().auth().oauth2(admin(organizations.vendor))
                .post(WEBHOOKS + "/" + endpoint.id() + "/rotate-secret").then().statusCode(200)
                .extract().jsonPath().getString("data.secret");
        assertStoredSealed(endpoint.id(), rotated);
        assertThat(stored(endpoint.id()).get("previous_secret").toString()).doesNotContain(endpoint.secret())
                .doesNotStartWith("whsec_");

        Received received = saveAndTest(endpoint.id(), endpoint.url());
        Webhooks.verifyStandard(rotated, received);
        Webhooks.verifyStandard(endpoint.secret(), received);
    }

    @Test
    void theMigrationEncryptsSecretsStoredAsIssued() throws Exception {
        Created endpoint = Webhooks.create(organizations.vendor, receiver.url("legacy", Receiver.always(200)), null);
        String legacy = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'C');
        // A row as the service stored it before secrets were encrypted.
        TestSql.execute("update webhook_endpoint set secret = ?, previous_secret = null where id = ?", legacy, endpoint.id());

        try (Connection connection = TestSql.connection()) {
            new V3__EncryptEndpointSecrets().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }

        assertStoredSealed(endpoint.id(), legacy);
        Received received = saveAndTest(endpoint.id(), endpoint.url());
        Webhooks.verifyStandard(legacy, received);
        assertThat(received.header("X-Mercato-Signature")).isEqualTo(Webhooks.hexHmac(legacy, received.body()));
    }

    private Received saveAndTest(String endpointId, String url) {
        int before = receiver.at(url).size();
        given().auth().oauth2(admin(organizations.vendor)).post(WEBHOOKS + "/" + endpointId + "/test").then()
                .statusCode(200).body("data.succeeded", equalTo(true));
        return receiver.at(url).get(before);
    }

    private static void assertStoredSealed(String endpointId, String issued) {
        String stored = stored(endpointId).get("secret").toString();
        assertThat(stored).doesNotStartWith("whsec_").doesNotContain(issued).doesNotContain(issued.substring(6));
        assertThat(TestSql.number("select count(*) from webhook_endpoint where secret like ? or previous_secret like ?",
                "%" + issued.substring(6) + "%", "%" + issued.substring(6) + "%")).isZero();
    }

    private static Map<String, Object> stored(String endpointId) {
        return TestSql.rows("select secret, previous_secret from webhook_endpoint where id = ?", endpointId).get(0);
    }
}
