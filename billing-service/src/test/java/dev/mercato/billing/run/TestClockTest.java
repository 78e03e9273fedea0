package dev.mercato.billing.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mercato.platform.security.Role;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The test clock as a suite uses it: business time moves forward for the platform only, is stored, and every
 * decision follows it — here, which months billing accepts as ended.
 */
@QuarkusTest
@TestProfile(TestClockTest.ClockOn.class)
class TestClockTest {

    /** The switch system tests and the local suite turn on. */
    public static class ClockOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mercato.test-clock.enabled", "true");
        }
    }

    private static final String ADMIN = OrganizationEvents.platformAdmin();

    @Test
    void aMonthIsBilledOnceBusinessTimeHasLeftIt() {
        Instant now = Instant.parse(given().auth().oauth2(ADMIN).get("/api/v1/test-clock").then().statusCode(200)
                .extract().path("data.now"));
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("period", month.toString()))
                .post("/api/v1/billing-runs").then().statusCode(400).body("errors[0].field", equalTo("period"));

        long days = ChronoUnit.DAYS.between(now.atZone(ZoneOffset.UTC).toLocalDate(), month.plusMonths(1).atDay(1)) + 1;
        String moved = given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("advanceBy", "P" + days + "D"))
                .post("/api/v1/test-clock").then().statusCode(200).extract().path("data.now");
        LocalDate today = LocalDate.ofInstant(Instant.parse(moved), ZoneOffset.UTC);
        assertThat(YearMonth.from(today)).isEqualTo(month.plusMonths(1));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("period", month.toString()))
                .post("/api/v1/billing-runs").then().statusCode(200).body("data.period", equalTo(month.toString()));
    }

    @Test
    void timeOnlyMovesForwardByAnIsoDuration() {
        for (String step : new String[] {"-P1D", "PT0S", "P1Y", "soon", "P4000D"}) {
            given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("advanceBy", step))
                    .post("/api/v1/test-clock").then().statusCode(400).body("errors[0].field", equalTo("advanceBy"));
        }
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/test-clock").then().statusCode(400).body("errors[0].field", equalTo("advanceBy"));
    }

    @Test
    void onlyThePlatformMovesTheClock() {
        String tenantAdmin = TestTokens.forRole(Role.TENANT_ADMIN, OrganizationEvents.newOrganization("TENANT"));
        String before = given().auth().oauth2(ADMIN).get("/api/v1/test-clock").then().extract().path("data.offset");
        given().auth().oauth2(tenantAdmin).contentType(ContentType.JSON).body(Map.of("advanceBy", "P1D"))
                .post("/api/v1/test-clock").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("advanceBy", "P1D"))
                .post("/api/v1/test-clock").then().statusCode(401);
        given().auth().oauth2(ADMIN).get("/api/v1/test-clock").then().body("data.offset", equalTo(before));
        assertThat(Duration.parse(before).isNegative()).isFalse();
    }
}
