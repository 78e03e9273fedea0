package dev.mercato.identity.token;

import static dev.mercato.identity.token.OAuthTestClient.claims;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.identity.key.SecretHasher;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class RefreshTokenRotationTest {

    @Inject
    SecretHasher hasher;

    @Test
    void rotatesOnEveryUseAndRevokesTheWholeFamilyWhenASpentOneComesBack() {
        JsonPath first = apiKeyTokens();
        String refresh1 = first.getString("refresh_token");

        JsonPath second = refresh(refresh1).then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("refresh_token", startsWith("mrt_"))
                .extract().jsonPath();
        String refresh2 = second.getString("refresh_token");
        assertThat(refresh2).isNotEqualTo(refresh1);
        String access2 = second.getString("access_token");
        String jti2 = claims(access2).path("jti").asText();

        // refresh1 is spent: presenting it again is reuse, which kills the family...
        refresh(refresh1).then().statusCode(400).body("error", equalTo("invalid_grant"));
        // ...so the newest refresh token no longer works either,
        refresh(refresh2).then().statusCode(400).body("error", equalTo("invalid_grant"));
        // and the access token issued with it is revoked on Kafka and no longer introspects as active.
        var record = TestKafka.awaitRecord("identity.revocations", r -> jti2.equals(r.key()), Duration.ofSeconds(20));
        assertThat(record.value()).contains("\"kind\":\"TOKEN\"");
        given().contentType("application/x-www-form-urlencoded")
                .auth().preemptive().basic(OAuthTestClient.BOOTSTRAP_ID, OAuthTestClient.BOOTSTRAP_SECRET)
                .formParam("token", access2)
                .post("/oauth/introspect").then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void narrowsTheScopeOfTheNewAccessTokenOnRequest() {
        JsonPath tokens = apiKeyTokens();
        String access = given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "refresh_token")
                .formParam("refresh_token", tokens.getString("refresh_token"))
                .formParam("scope", "read:orders")
                .post("/oauth/token").then().statusCode(200).body("scope", equalTo("read:orders"))
                .extract().path("access_token");
        assertThat(claims(access).path("scope").asText()).isEqualTo("read:orders");
    }

    @Test
    void refusesUnknownMissingAndForeignClientRefreshTokens() {
        refresh("mrt_unknown").then().statusCode(400).body("error", equalTo("invalid_grant"));
        refresh("not-even-ours").then().statusCode(400).body("error", equalTo("invalid_grant"));
        OAuthTestClient.tokenRequest(Map.of("grant_type", "refresh_token"))
                .then().statusCode(400).body("error", equalTo("invalid_request"));
        String refreshToken = apiKeyTokens().getString("refresh_token");
        // Issued to an API key, so another client may not use it.
        given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken)
                .formParam("client_id", OAuthTestClient.BOOTSTRAP_ID)
                .formParam("client_secret", OAuthTestClient.BOOTSTRAP_SECRET)
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_grant"));
    }

    private JsonPath apiKeyTokens() {
        String admin = OAuthTestClient.insertApplication(hasher, Role.PARTNER_ADMIN).token();
        String key = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"refresh test\", \"scopes\": [\"read:customers\", \"read:orders\"]}")
                .post("/api/v1/api-keys").then().statusCode(201).extract().path("data.key");
        return given().header("Authorization", "Basic " + key).post("/api/v1/auth").then().statusCode(200)
                .extract().jsonPath();
    }

    private static io.restassured.response.Response refresh(String refreshToken) {
        return given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken)
                .post("/oauth/token");
    }
}
