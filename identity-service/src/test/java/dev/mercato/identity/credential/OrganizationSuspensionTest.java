package dev.mercato.identity.credential;

import static dev.mercato.identity.credential.CredentialTestData.apiKey;
import static dev.mercato.identity.credential.CredentialTestData.application;
import static dev.mercato.identity.credential.CredentialTestData.clientCredentials;
import static dev.mercato.identity.credential.CredentialTestData.exchange;
import static dev.mercato.identity.credential.CredentialTestData.organization;
import static dev.mercato.identity.credential.CredentialTestData.refresh;
import static dev.mercato.identity.credential.CredentialTestData.setStatus;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.identity.key.SecretHasher;
import dev.mercato.identity.token.OAuthTestClient;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestKafka;
import io.quarkus.test.junit.QuarkusTest;

/** Suspending an organization cuts off its machines and its subtree's; reactivating it lets them back in. */
@QuarkusTest
class OrganizationSuspensionTest {

    @Inject
    SecretHasher hasher;

    @Test
    void aSuspendedTenantsApplicationsKeysAndTokensAreRefusedUntilItIsReactivated() throws InterruptedException {
        String distributor = organization("distributors", "Suspension Distribution", null);
        String partner = organization("partners", "Suspension Partner", distributor);
        String tenant = organization("tenants", "Suspended Tenant", partner);
        OAuthTestClient.Client app = application(hasher, tenant, Role.TENANT_ADMIN);
        String before = app.token();
        String[] key = apiKey(before, "read:customers");
        String refreshToken = exchange(key[1]).then().statusCode(200).extract().path("refresh_token");
        given().auth().oauth2(before).get("/api/v1/applications").then().statusCode(200);

        setStatus("tenants", tenant, "SUSPENDED");

        clientCredentials(app.clientId(), app.secret()).then().statusCode(401).body("error", equalTo("invalid_client"));
        exchange(key[1]).then().statusCode(401);
        refresh(refreshToken).then().statusCode(400).body("error", equalTo("invalid_grant"));
        given().auth().oauth2(before).get("/api/v1/applications").then().statusCode(401);
        var record = TestKafka.awaitRecord("identity.revocations", r -> tenant.equals(r.key()), Duration.ofSeconds(20));
        assertThat(record.value()).contains("\"kind\":\"ORGANIZATION\"").contains("\"value\":\"" + tenant + "\"");

        waitForNextSecond(); // a token's iat counts whole seconds
        setStatus("tenants", tenant, "ACTIVE");

        String after = clientCredentials(app.clientId(), app.secret()).then().statusCode(200)
                .extract().path("access_token");
        given().auth().oauth2(after).get("/api/v1/applications").then().statusCode(200);
        exchange(key[1]).then().statusCode(200);
        // What was issued before the suspension stays refused.
        given().auth().oauth2(before).get("/api/v1/applications").then().statusCode(401);
        refresh(refreshToken).then().statusCode(400);
    }

    @Test
    void aSuspendedDistributorCutsOffItsPartnersAndTenantsApplications() {
        String distributor = organization("distributors", "Cut-off Distribution", null);
        String partner = organization("partners", "Cut-off Partner", distributor);
        String tenant = organization("tenants", "Cut-off Tenant", partner);
        String otherDistributor = organization("distributors", "Unaffected Distribution", null);
        OAuthTestClient.Client partnerApp = application(hasher, partner, Role.PARTNER_ADMIN);
        OAuthTestClient.Client tenantApp = application(hasher, tenant, Role.TENANT_ADMIN);
        OAuthTestClient.Client otherApp = application(hasher, otherDistributor, Role.DISTRIBUTOR_ADMIN);
        String tenantToken = tenantApp.token();

        setStatus("distributors", distributor, "SUSPENDED");

        clientCredentials(partnerApp.clientId(), partnerApp.secret()).then().statusCode(401)
                .body("error", equalTo("invalid_client"));
        clientCredentials(tenantApp.clientId(), tenantApp.secret()).then().statusCode(401)
                .body("error", equalTo("invalid_client"));
        given().auth().oauth2(tenantToken).get("/api/v1/applications").then().statusCode(401);
        clientCredentials(otherApp.clientId(), otherApp.secret()).then().statusCode(200);
    }

    private static void waitForNextSecond() throws InterruptedException {
        Instant now = Instant.now();
        Thread.sleep(1000 - now.getNano() / 1_000_000 + 10);
    }
}
