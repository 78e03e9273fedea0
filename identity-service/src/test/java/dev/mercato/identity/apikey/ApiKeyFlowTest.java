package dev.mercato.identity.apikey;

import static dev.mercato.identity.token.OAuthTestClient.claims;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.identity.key.SecretHasher;
import dev.mercato.identity.token.OAuthTestClient;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ApiKeyFlowTest {

    @Inject
    SecretHasher hasher;

    @Test
    void exchangesAnApiKeyForTokensWithBasicAuthentication() {
        OAuthTestClient.Client partner = OAuthTestClient.insertApplication(hasher, Role.PARTNER_ADMIN);
        String admin = partner.token();
        String created = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"CRM sync\", \"scopes\": [\"read:customers\", \"read:orders\"]}")
                .when().post("/api/v1/api-keys")
                .then().statusCode(201)
                .header("Cache-Control", "no-store")
                .body("data.id", startsWith("key_"))
                .body("data.key", startsWith("mk_live_"))
                .body("data.role", equalTo("PARTNER_ADMIN"))
                .extract().asString();
        String id = io.restassured.path.json.JsonPath.from(created).getString("data.id");
        String key = io.restassured.path.json.JsonPath.from(created).getString("data.key");
        assertThat(key.substring(0, 12)).isEqualTo(io.restassured.path.json.JsonPath.from(created).getString("data.keyPrefix"));

        // Shown once: never again in a get or a list.
        String again = given().auth().oauth2(admin).get("/api/v1/api-keys/" + id).then().statusCode(200).extract().asString();
        String list = given().auth().oauth2(admin).get("/api/v1/api-keys").then().statusCode(200).extract().asString();
        assertThat(again).doesNotContain(key).doesNotContain("\"key\"");
        assertThat(list).doesNotContain(key).contains(id);

        String accessToken = given().header("Authorization", "Basic " + key)
                .when().post("/api/v1/auth")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("expires", equalTo(3600))
                .body("refresh_token", startsWith("mrt_"))
                .extract().path("access_token");
        assertThat(claims(accessToken).path("sub").asText()).isEqualTo(id);
        assertThat(claims(accessToken).path("client_id").asText()).isEqualTo(id);
        assertThat(claims(accessToken).path("org_path").asText()).isEqualTo(partner.organizationPath());
        assertThat(claims(accessToken).path("scope").asText()).isEqualTo("read:customers read:orders");

        // The standard Basic form (key as user name) works too.
        String basic = Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
        given().header("Authorization", "Basic " + basic).post("/api/v1/auth").then().statusCode(200)
                .body("access_token", notNullValue());
    }

    @Test
    void aForeignOrganizationNeverSeesOrRevokesAnotherOrganizationsKeys() {
        OAuthTestClient.Client owner = OAuthTestClient.insertApplication(hasher, Role.PARTNER_ADMIN);
        OAuthTestClient.Client foreign = OAuthTestClient.insertApplication(hasher, Role.PARTNER_ADMIN);
        String id = given().auth().oauth2(owner.token()).contentType(ContentType.JSON)
                .body("{\"name\": \"Owner's key\", \"scopes\": [\"read:customers\"]}")
                .when().post("/api/v1/api-keys")
                .then().statusCode(201).extract().path("data.id");
        String foreignToken = foreign.token();

        given().auth().oauth2(foreignToken).get("/api/v1/api-keys/" + id)
                .then().statusCode(404).body("code", equalTo(404)).body("data", equalTo(null));
        given().auth().oauth2(foreignToken).queryParam("limit", 100).get("/api/v1/api-keys")
                .then().statusCode(200).body("data.id", not(hasItem(id)));
        given().auth().oauth2(foreignToken).post("/api/v1/api-keys/" + id + "/revoke")
                .then().statusCode(404);
        given().auth().oauth2(owner.token()).get("/api/v1/api-keys/" + id)
                .then().statusCode(200).body("data.revokedAt", equalTo(null));
    }

    @Test
    void refusesMissingWrongAndRevokedKeysWith401() {
        given().post("/api/v1/auth").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic")).body("code", equalTo(401));
        given().header("Authorization", "Basic mk_live_doesnotexist").post("/api/v1/auth")
                .then().statusCode(401).body("code", equalTo(401)).body("message", notNullValue());
        given().header("Authorization", "Bearer nope").post("/api/v1/auth").then().statusCode(401);

        OAuthTestClient.Client tenant = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN);
        String admin = tenant.token();
        var created = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"to revoke\", \"scopes\": [\"read:customers\"]}")
                .post("/api/v1/api-keys").then().statusCode(201).extract().jsonPath();
        String id = created.getString("data.id");
        String key = created.getString("data.key");
        String refresh = given().header("Authorization", "Basic " + key).post("/api/v1/auth")
                .then().statusCode(200).extract().path("refresh_token");

        given().auth().oauth2(admin).post("/api/v1/api-keys/" + id + "/revoke")
                .then().statusCode(200).body("data.status", equalTo("REVOKED")).body("data.key", equalTo(null));

        given().header("Authorization", "Basic " + key).post("/api/v1/auth").then().statusCode(401);
        given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refresh)
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
        var record = TestKafka.awaitRecord("identity.revocations", r -> id.equals(r.key()), Duration.ofSeconds(20));
        assertThat(record.value()).contains("\"kind\":\"CLIENT\"").contains("\"value\":\"" + id + "\"");
    }

    @Test
    void refusesKeysWithScopesOutsideTheCreatorsRole() {
        String admin = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN).token();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"too much\", \"scopes\": [\"write:catalog\"]}")
                .post("/api/v1/api-keys").then().statusCode(400)
                .body("code", equalTo(400)).body("errors[0].field", equalTo("scopes"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\": \"\", \"scopes\": []}")
                .post("/api/v1/api-keys").then().statusCode(400).body("code", equalTo(400));
        String reader = OAuthTestClient.insertApplication(hasher, Role.TENANT_READER).token();
        given().auth().oauth2(reader).contentType(ContentType.JSON)
                .body("{\"name\": \"reader\", \"scopes\": [\"read:customers\"]}")
                .post("/api/v1/api-keys").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"name\": \"anon\", \"scopes\": [\"read:customers\"]}")
                .post("/api/v1/api-keys").then().statusCode(401).body("code", not(equalTo(500)));
    }
}
