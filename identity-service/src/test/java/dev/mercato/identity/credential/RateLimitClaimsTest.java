package dev.mercato.identity.credential;

import static dev.mercato.identity.credential.CredentialTestData.apiKey;
import static dev.mercato.identity.credential.CredentialTestData.exchange;
import static dev.mercato.identity.credential.CredentialTestData.refresh;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.identity.key.SecretHasher;
import dev.mercato.identity.token.OAuthTestClient;
import dev.mercato.platform.security.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The platform operator rate limits one application or key; its tokens say so. */
@QuarkusTest
class RateLimitClaimsTest {

    @Inject
    SecretHasher hasher;

    @Test
    void theOperatorsLimitsOfAnApplicationGoIntoItsTokens() {
        OAuthTestClient.Client app = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN);
        assertThat(OAuthTestClient.claims(app.token()).has("rate_limit_per_hour")).isFalse();

        given().auth().oauth2(OAuthTestClient.adminToken()).contentType(ContentType.JSON)
                .body("{\"rateLimitPerHour\": 5000, \"rateLimitPerMinute\": 120}")
                .patch("/api/v1/applications/" + app.clientId())
                .then().statusCode(200).body("data.rateLimitPerHour", equalTo(5000))
                .body("data.rateLimitPerMinute", equalTo(120));

        var claims = OAuthTestClient.claims(app.token());
        assertThat(claims.path("rate_limit_per_hour").isInt()).isTrue();
        assertThat(claims.path("rate_limit_per_hour").asInt()).isEqualTo(5000);
        assertThat(claims.path("rate_limit_per_minute").asInt()).isEqualTo(120);
    }

    @Test
    void onlyThePlatformOperatorMaySetRateLimits() {
        OAuthTestClient.Client app = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN);
        String tenantAdmin = app.token();
        String[] key = apiKey(tenantAdmin, "read:customers");

        given().auth().oauth2(tenantAdmin).contentType(ContentType.JSON).body("{\"rateLimitPerMinute\": 100000}")
                .patch("/api/v1/applications/" + app.clientId()).then().statusCode(403).body("code", equalTo(403));
        given().auth().oauth2(tenantAdmin).contentType(ContentType.JSON).body("{\"rateLimitPerHour\": 100000}")
                .patch("/api/v1/api-keys/" + key[0]).then().statusCode(403).body("code", equalTo(403));
        given().auth().oauth2(tenantAdmin).contentType(ContentType.JSON).body("{\"name\": \"renamed\"}")
                .patch("/api/v1/api-keys/" + key[0]).then().statusCode(200).body("data.name", equalTo("renamed"))
                .body("data.rateLimitPerHour", equalTo(null));
        given().auth().oauth2(OAuthTestClient.adminToken()).contentType(ContentType.JSON)
                .body("{\"rateLimitPerHour\": 0}")
                .patch("/api/v1/api-keys/" + key[0]).then().statusCode(400).body("code", equalTo(400));
    }

    @Test
    void theOperatorsLimitsOfAnApiKeyGoIntoItsTokensAndTheirRefreshes() {
        String tenantAdmin = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN).token();
        String[] key = apiKey(tenantAdmin, "read:customers");
        given().auth().oauth2(OAuthTestClient.adminToken()).contentType(ContentType.JSON)
                .body("{\"rateLimitPerHour\": 700, \"rateLimitPerMinute\": 30}")
                .patch("/api/v1/api-keys/" + key[0]).then().statusCode(200).body("data.rateLimitPerHour", equalTo(700));

        var tokens = exchange(key[1]).then().statusCode(200).extract().jsonPath();
        var claims = OAuthTestClient.claims(tokens.getString("access_token"));
        assertThat(claims.path("rate_limit_per_hour").asInt()).isEqualTo(700);
        assertThat(claims.path("rate_limit_per_minute").asInt()).isEqualTo(30);

        String refreshed = refresh(tokens.getString("refresh_token")).then().statusCode(200).extract().path("access_token");
        assertThat(OAuthTestClient.claims(refreshed).path("rate_limit_per_minute").asInt()).isEqualTo(30);
    }
}
