package dev.mercato.identity.application;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.identity.key.SecretHasher;
import dev.mercato.identity.token.OAuthTestClient;
import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ApplicationResourceTest {

    @Inject
    SecretHasher hasher;

    @Test
    void createsAnApplicationWhoseSecretIsShownOnceAndStoredOnlyAsAHash() {
        OAuthTestClient.Client tenant = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN);
        String admin = tenant.token();
        JsonPath created = create(admin, """
                {"name": "My Integration", "description": "Production integration for CRM sync",
                 "scopes": ["read:customers", "read:entitlements"]}""")
                .then().statusCode(201)
                .header("Cache-Control", "no-store")
                .body("data.clientId", startsWith("app_"))
                .body("data.clientSecret", startsWith("mcs_"))
                .body("data.scopes", hasItem("read:entitlements"))
                .body("data.role", equalTo("TENANT_ADMIN"))
                .body("data.organizationId", equalTo(tenant.organizationId()))
                .extract().jsonPath();
        String clientId = created.getString("data.clientId");
        String secret = created.getString("data.clientSecret");

        String get = given().auth().oauth2(admin).get("/api/v1/applications/" + clientId)
                .then().statusCode(200).body("data.name", equalTo("My Integration"))
                .body("data.clientSecret", nullValue()).extract().asString();
        String list = given().auth().oauth2(admin).queryParam("name", "My Integration").get("/api/v1/applications")
                .then().statusCode(200).body("data.clientId", hasItem(clientId)).extract().asString();
        assertThat(get + list).doesNotContain(secret).doesNotContain("clientSecret");
        assertThat(TestSql.rows("select secret_hash from credential where id = ?", clientId).toString())
                .doesNotContain(secret);

        String token = OAuthTestClient.token(clientId, secret);
        assertThat(OAuthTestClient.claims(token).path("org_path").asText()).isEqualTo(tenant.organizationPath());
    }

    @Test
    void limitsRoleAndScopesToWhatTheCreatorMayGrant() {
        String admin = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN).token();
        create(admin, "{\"name\": \"x\", \"scopes\": [\"write:catalog\"]}")
                .then().statusCode(400).body("errors[0].field", equalTo("scopes"));
        create(admin, "{\"name\": \"x\", \"scopes\": [\"read:everything\"]}")
                .then().statusCode(400).body("errors[0].field", equalTo("scopes"));
        create(admin, "{\"name\": \"x\", \"scopes\": [\"read:customers\"], \"role\": \"PLATFORM_ADMIN\"}")
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
        create(admin, "{\"name\": \"x\", \"scopes\": [\"read:customers\"], \"role\": \"PARTNER_READER\"}")
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
        create(admin, "{\"name\": \"x\", \"scopes\": [\"write:users\"], \"role\": \"TENANT_READER\"}")
                .then().statusCode(400).body("errors[0].field", equalTo("scopes"));
        create(admin, "{\"name\": \"reader\", \"scopes\": [\"read:customers\"], \"role\": \"TENANT_READER\"}")
                .then().statusCode(201).body("data.role", equalTo("TENANT_READER"));
        create(admin, "{\"name\": \"\", \"scopes\": []}").then().statusCode(400).body("code", equalTo(400));
        create(admin, "{\"name\": ").then().statusCode(400).body("code", equalTo(400));
        create(admin, "{\"name\": \"x\", \"scopes\": [\"read:customers\"], \"extra\": 1}").then().statusCode(400);
    }

    @Test
    void showsApplicationsOnlyWithinTheCallersSubtree() {
        OAuthTestClient.Client partner = OAuthTestClient.insertApplication(hasher, Role.PARTNER_ADMIN);
        OAuthTestClient.Client ownTenant = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN,
                partner.organizationPath(), Set.of(Scopes.READ_CUSTOMERS));
        OAuthTestClient.Client otherTenant = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN);
        String partnerToken = partner.token();
        given().auth().oauth2(partnerToken).get("/api/v1/applications/" + ownTenant.clientId()).then().statusCode(200);
        given().auth().oauth2(partnerToken).get("/api/v1/applications/" + otherTenant.clientId()).then().statusCode(404);
        given().auth().oauth2(partnerToken).get("/api/v1/applications/" + OAuthTestClient.BOOTSTRAP_ID).then().statusCode(404);
        given().auth().oauth2(partnerToken).post("/api/v1/applications/" + otherTenant.clientId() + "/revoke")
                .then().statusCode(404);
        given().auth().oauth2(partnerToken).queryParam("limit", 100).get("/api/v1/applications").then().statusCode(200)
                .body("data.clientId", hasItem(ownTenant.clientId()))
                .body("data.clientId", not(hasItem(otherTenant.clientId())))
                .body("data.clientId", not(hasItem(OAuthTestClient.BOOTSTRAP_ID)));
        given().auth().oauth2(OAuthTestClient.insertApplication(hasher, Role.TENANT_READER).token())
                .contentType(ContentType.JSON).body("{\"name\": \"x\", \"scopes\": [\"read:customers\"]}")
                .post("/api/v1/applications").then().statusCode(403);
        given().get("/api/v1/applications").then().statusCode(401).body("code", equalTo(401));
        given().auth().oauth2(partnerToken).queryParam("sort", "secretHash").get("/api/v1/applications")
                .then().statusCode(400);
    }

    @Test
    void changesNameDescriptionAndScopes() {
        OAuthTestClient.Client tenant = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN);
        String admin = tenant.token();
        String clientId = create(admin, "{\"name\": \"before\", \"scopes\": [\"read:customers\"]}")
                .then().statusCode(201).extract().path("data.clientId");
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"after\", \"scopes\": [\"read:customers\", \"read:orders\"]}")
                .patch("/api/v1/applications/" + clientId)
                .then().statusCode(200).body("data.name", equalTo("after")).body("data.scopes.size()", equalTo(2));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"scopes\": [\"write:catalog\"]}")
                .patch("/api/v1/applications/" + clientId).then().statusCode(400);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\": \"  \"}")
                .patch("/api/v1/applications/" + clientId).then().statusCode(400);
    }

    @Test
    void rotatesTheSecretAndTheOldOneStopsWorking() {
        String admin = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN).token();
        JsonPath created = create(admin, "{\"name\": \"rotating\", \"scopes\": [\"read:customers\"]}")
                .then().statusCode(201).extract().jsonPath();
        String clientId = created.getString("data.clientId");
        String oldSecret = created.getString("data.clientSecret");
        String newSecret = given().auth().oauth2(admin).post("/api/v1/applications/" + clientId + "/rotate-secret")
                .then().statusCode(200).header("Cache-Control", "no-store")
                .body("data.clientSecret", startsWith("mcs_")).extract().path("data.clientSecret");
        assertThat(newSecret).isNotEqualTo(oldSecret);
        OAuthTestClient.token(clientId, newSecret);
        OAuthTestClient.tokenRequest(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", oldSecret)).then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void revokedApplicationIsPublishedAndCanNoLongerGetTokens() {
        String admin = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN).token();
        JsonPath created = create(admin, "{\"name\": \"doomed\", \"scopes\": [\"read:applications\"]}")
                .then().statusCode(201).extract().jsonPath();
        String clientId = created.getString("data.clientId");
        String secret = created.getString("data.clientSecret");
        String token = OAuthTestClient.token(clientId, secret);

        given().auth().oauth2(admin).post("/api/v1/applications/" + clientId + "/revoke")
                .then().statusCode(200).body("data.status", equalTo("REVOKED"));

        OAuthTestClient.tokenRequest(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret)).then().statusCode(401).body("error", equalTo("invalid_client"));
        var record = TestKafka.awaitRecord("identity.revocations", r -> clientId.equals(r.key()), Duration.ofSeconds(20));
        assertThat(record.value()).contains("\"kind\":\"CLIENT\"");
        assertThat(new String(record.headers().lastHeader("ce_type").value()))
                .isEqualTo("mercato.identity.credential.revoked.v1");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/applications").then().statusCode(401));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\": \"zombie\"}")
                .patch("/api/v1/applications/" + clientId).then().statusCode(409);
    }

    private static io.restassured.response.Response create(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/applications");
    }
}
