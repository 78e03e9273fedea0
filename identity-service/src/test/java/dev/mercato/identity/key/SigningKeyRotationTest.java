package dev.mercato.identity.key;

import static dev.mercato.identity.token.OAuthTestClient.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.identity.token.OAuthTestClient;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SigningKeyRotationTest {

    @Inject
    SecretHasher hasher;

    @Test
    void publishesEveryKeyWithKidAlgAndUse() {
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys.kty", everyItem(equalTo("EC")))
                .body("keys.crv", everyItem(equalTo("P-256")))
                .body("keys.alg", everyItem(equalTo("ES256")))
                .body("keys.use", everyItem(equalTo("sig")))
                .body("keys.kid", hasItem(header(OAuthTestClient.adminToken()).path("kid").asText()));
        // Private keys are stored encrypted, never as plain PKCS#8.
        TestSql.rows("select private_key_encrypted from signing_key")
                .forEach(row -> assertThat((String) row.get("private_key_encrypted")).doesNotStartWith("MIG"));
    }

    @Test
    void publishesANewKeyBeforeItSignsAndKeepsThePreviousOneUntilItsTokensExpired() {
        String before = OAuthTestClient.adminToken();
        String oldKid = header(before).path("kid").asText();
        var rotation = given().auth().oauth2(before).post("/api/v1/signing-keys/rotate")
                .then().statusCode(200).extract().jsonPath();
        String newKid = rotation.getString("data.kid");
        Instant activatesAt = Instant.parse(rotation.getString("data.activatesAt"));
        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(rotation.getString("data.signingKid")).isEqualTo(oldKid);

        // Published at once, but the previous key keeps signing until the activation time (test lead: 2 s).
        List<String> kids = given().get("/.well-known/jwks.json").then().statusCode(200).extract().path("keys.kid");
        assertThat(kids).contains(oldKid, newKid);
        String pending = OAuthTestClient.adminToken();
        if (Instant.now().isBefore(activatesAt)) {
            assertThat(header(pending).path("kid").asText()).isEqualTo(oldKid);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> !Instant.now().isBefore(activatesAt));
        String after = OAuthTestClient.adminToken();
        assertThat(header(after).path("kid").asText()).isEqualTo(newKid);
        // The previous key stays published until every token it signed has expired.
        assertThat(given().get("/.well-known/jwks.json").then().extract().<List<String>>path("keys.kid"))
                .contains(oldKid, newKid);
        Instant oldUntil = Instant.parse(given().auth().oauth2(after).post("/api/v1/signing-keys/rotate").then()
                .statusCode(200).extract().jsonPath().getString("data.published.find { it.kid == '" + oldKid
                        + "' }.expiresAt"));
        assertThat(oldUntil).isAfterOrEqualTo(activatesAt.plus(Duration.ofHours(1)));
        given().auth().oauth2(before).get("/api/v1/applications").then().statusCode(200);
        given().auth().oauth2(after).get("/api/v1/applications").then().statusCode(200);
        given().contentType("application/x-www-form-urlencoded")
                .auth().preemptive().basic(OAuthTestClient.BOOTSTRAP_ID, OAuthTestClient.BOOTSTRAP_SECRET)
                .formParam("token", before).post("/oauth/introspect").then().body("active", equalTo(true));
        given().auth().oauth2(after).get("/api/v1/audit-events?action=signing_key.rotated").then().statusCode(200)
                .body("data.targetId", hasItem(newKid));
    }

    @Test
    void aNewKeyNeverSignsBeforeItsActivationTime() {
        String admin = OAuthTestClient.adminToken();
        var rotation = given().auth().oauth2(admin).post("/api/v1/signing-keys/rotate")
                .then().statusCode(200).extract().jsonPath();
        String newKid = rotation.getString("data.kid");
        Instant activatesAt = Instant.parse(rotation.getString("data.activatesAt"));
        assertThat(activatesAt).isAfter(Instant.now().minusSeconds(1));
        // Every token minted before the activation time carries the previous key's id.
        while (Instant.now().plusMillis(200).isBefore(activatesAt)) {
            assertThat(header(OAuthTestClient.adminToken()).path("kid").asText()).isNotEqualTo(newKid);
        }
        List<String> kids = given().get("/.well-known/jwks.json").then().extract().path("keys.kid");
        assertThat(kids).contains(newKid);        // Leave no key pending behind: the other tests compare the key that signs with the one that signed.
        await().atMost(Duration.ofSeconds(20)).until(() -> header(OAuthTestClient.adminToken()).path("kid").asText().equals(newKid));
    }

    @Test
    void onlyPlatformAdministratorsRotate() {
        // a tenant admin holds write:settings: the refusal names the rule of its role, not a missing scope
        String tenant = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN).token();
        given().auth().oauth2(tenant).post("/api/v1/signing-keys/rotate").then().statusCode(403).body("code", equalTo(403))
                .body("message", equalTo("Only the platform operator rotates signing keys"));
        given().post("/api/v1/signing-keys/rotate").then().statusCode(401);
    }

    @Test
    void discoveryDocumentNamesEveryEndpoint() {
        String issuer = given().get("/.well-known/openid-configuration").then().statusCode(200)
                .body("token_endpoint_auth_methods_supported", hasItems("client_secret_post", "client_secret_basic"))
                .body("grant_types_supported", hasItems("client_credentials", "refresh_token"))
                .body("id_token_signing_alg_values_supported", hasItem("ES256"))
                .body("scopes_supported", hasItem("write:metering"))
                .extract().path("issuer");
        given().get("/.well-known/openid-configuration").then()
                .body("token_endpoint", equalTo(issuer + "/oauth/token"))
                .body("jwks_uri", equalTo(issuer + "/.well-known/jwks.json"))
                .body("introspection_endpoint", equalTo(issuer + "/oauth/introspect"))
                .body("revocation_endpoint", equalTo(issuer + "/oauth/revoke"));
    }
}
