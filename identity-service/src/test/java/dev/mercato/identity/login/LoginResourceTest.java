package dev.mercato.identity.login;

import static dev.mercato.identity.user.TestAccounts.account;
import static dev.mercato.identity.user.TestAccounts.organization;
import static dev.mercato.identity.user.TestAccounts.platform;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mercato.identity.user.TestAccounts;
import dev.mercato.identity.user.TestAccounts.Account;
import dev.mercato.identity.user.TestAccounts.Org;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class LoginResourceTest {

    @Test
    void logsInWithEmailAndPasswordAndGetsTokensOfTheUsersRole() {
        Org tenant = organization("TENANT", organization("PARTNER", organization("DISTRIBUTOR", platform())));
        Account admin = account(tenant, Role.TENANT_ADMIN);

        String accessToken = given().contentType(ContentType.JSON)
                .body(Map.of("email", admin.email().toUpperCase(), "password", TestAccounts.PASSWORD))
                .when().post("/api/v1/auth/login")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("access_token", notNullValue())
                .body("refresh_token", startsWith("mrt_"))
                .body("expires", greaterThan(0))
                .extract().path("access_token");

        JsonNode claims = TestAccounts.claims(accessToken);
        assertThat(claims.path("sub").asText()).isEqualTo(admin.userId());
        assertThat(claims.path("org").asText()).isEqualTo(tenant.id());
        assertThat(claims.path("org_kind").asText()).isEqualTo("TENANT");
        assertThat(claims.path("org_path").asText()).isEqualTo(tenant.path());
        assertThat(claims.path("role").asText()).isEqualTo("TENANT_ADMIN");
        assertThat(TestAccounts.scopes(accessToken)).containsExactlyInAnyOrderElementsOf(Role.TENANT_ADMIN.allowedScopes());
        given().header("Authorization", "Bearer " + accessToken).get("/api/v1/users/" + admin.userId())
                .then().statusCode(200).body("data.email", equalTo(admin.email()));
    }

    @Test
    void answersAWrongPasswordAndAnUnknownEmailAlikeInBodyAndTime() {
        Account user = account(platform(), Role.PLATFORM_READER);
        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownEmail = new ArrayList<>();
        String wrongBody = null;
        String unknownBody = null;
        for (int i = 0; i < 3; i++) {
            Response wrong = attempt(user.email(), "not the right password");
            Response unknown = attempt(TestAccounts.uniqueEmail("nobody"), "not the right password");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(unknown.statusCode()).isEqualTo(401);
            wrongBody = wrong.asString();
            unknownBody = unknown.asString();
            wrongPassword.add(wrong.time());
            unknownEmail.add(unknown.time());
        }
        assertThat(unknownBody).isEqualTo(wrongBody).contains("\"code\":401");
        long wrongMedian = median(wrongPassword);
        long unknownMedian = median(unknownEmail);
        // Both paths run one full password hash (a few hundred ms here); neither is a quick "no such user".
        assertThat(unknownMedian).isGreaterThan(wrongMedian / 2).isGreaterThan(50);
        assertThat(wrongMedian).isGreaterThan(unknownMedian / 2);
    }

    @Test
    void refusesADisabledUserWithTheSameAnswer() {
        Account user = account(platform(), Role.PLATFORM_READER);
        TestSql.execute("update app_user set status = 'DISABLED' where id = ?", user.userId());

        String body = attempt(user.email(), TestAccounts.PASSWORD).then().statusCode(401).extract().asString();
        assertThat(body).isEqualTo(attempt(user.email(), "not the right password").asString());
    }

    @Test
    void refusesAUserWithoutAPassword() {
        Account admin = account(platform(), Role.PLATFORM_ADMIN);
        String email = TestAccounts.uniqueEmail("federated.only");
        given().header("Authorization", admin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("email", email, "name", "Fed Only", "role", "PLATFORM_READER"))
                .post("/api/v1/users").then().statusCode(201);

        attempt(email, "").then().statusCode(400);
        attempt(email, "any password at all").then().statusCode(401);
    }

    @Test
    void throttlesAnEmailAfterTenFailuresWithRetryAfter() {
        Account user = account(platform(), Role.PLATFORM_READER);
        for (int i = 0; i < 10; i++) {
            attempt(user.email(), "guess number " + i).then().statusCode(401);
        }

        attempt(user.email(), TestAccounts.PASSWORD).then()
                .statusCode(429)
                .header("Retry-After", notNullValue())
                .body("code", equalTo(429))
                .body("retryAfter", greaterThan(0));
        // Another address is not affected.
        attempt(TestAccounts.uniqueEmail("other"), "whatever it is").then().statusCode(401);
    }

    @Test
    void answersInvalidLoginRequestsWithFieldErrors() {
        given().contentType(ContentType.JSON).body(Map.of("email", "")).post("/api/v1/auth/login")
                .then().statusCode(400).body("errors.field", hasItem("email")).body("errors.field", hasItem("password"));
        given().contentType(ContentType.JSON).body("{").post("/api/v1/auth/login")
                .then().statusCode(400).body("code", equalTo(400));
    }

    private static Response attempt(String email, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("email", email, "password", password))
                .when().post("/api/v1/auth/login");
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
