package dev.mercato.billing.run;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mercato.testkit.OrganizationEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Without {@code mercato.test-clock.enabled} (every deployment) there is no test clock to read or move. */
@QuarkusTest
class TestClockOffTest {

    @Test
    void aServiceWithoutTheSwitchHasNoTestClock() {
        String admin = OrganizationEvents.platformAdmin();
        given().auth().oauth2(admin).get("/api/v1/test-clock").then().statusCode(404)
                .body("message", containsString("mercato.test-clock.enabled"));
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("advanceBy", "P1D"))
                .post("/api/v1/test-clock").then().statusCode(404);
        given().auth().oauth2(admin).get("/q/openapi").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("test-clock")));
    }
}
