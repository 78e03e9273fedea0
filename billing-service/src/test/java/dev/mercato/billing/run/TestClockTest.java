package dev.mercato.billing.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.mercato.billing.BillingWorld;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestSql;
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

    @Inject
    BillingSchedules schedules;

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

    @Test
    void lateUsageOfAFinalizedInvoiceBringsItsDebitNoteWhileBusinessTimeIsAhead() {
        advance("P1D"); // the invoice is finalized a day ahead of the database's time of the late usage
        BillingWorld world = BillingWorld.create();
        String listing = Ids.next("lst");
        world.plan(listing, world.platform.id(), "eur", null, List.of(BillingWorld.usagePrice(listing, "api_calls",
                "TIERED", "0", "1000", "0.10", "1000", null, "0.05")));
        String metered = world.subscription(world.tenant, world.day(1), world.month.atEndOfMonth(), 1, "0", listing);
        world.usage(world.tenant, metered, listing, "api_calls", world.day(3).atTime(10, 0), "1250", 1, null);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("period", world.month.toString(), "finalize", true))
                .post("/api/v1/billing-runs").then().statusCode(200);
        String invoiceId = TestSql.rows("select id from invoice where customer_id = ? and status = 'FINALIZED'",
                world.tenant.id()).getFirst().get("id").toString();

        // 250 calls more: 1,500 calls = 125.00, 12.50 more than the 112.50 invoiced
        world.usage(world.tenant, metered, listing, "api_calls", world.day(25).atTime(9, 0), "250", 1, null);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                TestSql.number("select count(*) from credit_note where invoice_id = ?", invoiceId) == 1);
        Map<String, Object> note = TestSql.rows("select kind, total from credit_note where invoice_id = ?", invoiceId)
                .getFirst();
        assertThat(note.get("kind")).isEqualTo("DEBIT");
        assertThat(new BigDecimal(note.get("total").toString())).isEqualByComparingTo("12.50");
    }

    @Test
    void summariesRevenueAndTheScheduledRunTakeTheCurrentMonthFromBusinessTime() {
        YearMonth businessMonth = advanceIntoTheNextMonth();
        assertThat(businessMonth).isAfter(YearMonth.now(ZoneOffset.UTC));
        BillingWorld world = BillingWorld.create();

        given().auth().oauth2(ADMIN).queryParam("period", businessMonth.toString())
                .queryParam("customerId", world.tenant.id())
                .get("/api/v1/billing/summary").then().statusCode(200).body("data.period", equalTo(businessMonth.toString()));
        given().auth().oauth2(ADMIN).queryParam("to", businessMonth.toString())
                .get("/api/v1/analytics/revenue").then().statusCode(200);
        given().auth().oauth2(ADMIN).queryParam("to", businessMonth.plusMonths(1).toString())
                .get("/api/v1/analytics/revenue").then().statusCode(400).body("errors[0].field", equalTo("to"));
        assertThat(schedules.scheduledMonth()).isEqualTo(businessMonth.minusMonths(1));
    }

    /** Moves business time into the month after its current one; answers that month. */
    private static YearMonth advanceIntoTheNextMonth() {
        LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
        long days = ChronoUnit.DAYS.between(today, YearMonth.from(today).plusMonths(1).atDay(1)) + 1;
        return YearMonth.from(LocalDate.ofInstant(Instant.parse(advance("P" + days + "D")), ZoneOffset.UTC));
    }

    private static Instant now() {
        return Instant.parse(given().auth().oauth2(ADMIN).get("/api/v1/test-clock").then().statusCode(200)
                .extract().path("data.now"));
    }

    /** Moves business time by {@code step}; answers the new business time. */
    private static String advance(String step) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(Map.of("advanceBy", step))
                .post("/api/v1/test-clock").then().statusCode(200).extract().path("data.now");
    }
}
