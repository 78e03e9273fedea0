package dev.mercato.billing.invoice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.mercato.billing.BillingWorld;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.HostileRequests;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Bad input answers 4xx naming the field or the state, and changes nothing; malformed requests never a 5xx. */
@QuarkusTest
class BillingHostileInputTest {

    @Test
    void refusesBadPeriodsNamingTheField() {
        String admin = OrganizationEvents.platformAdmin();
        String current = YearMonth.now(ZoneOffset.UTC).toString();
        for (String period : new String[] { "2026-13", "26-01", "abc", "2026-1", "", current, "2999-01" }) {
            given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"period\": \"" + period + "\"}")
                    .post("/api/v1/billing-runs").then().statusCode(400).body("errors.field", hasItem("period"));
        }
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/billing-runs").then().statusCode(400);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"period\": \"2001-01\"}")
                .queryParam("dryRun", "maybe").post("/api/v1/billing-runs").then().statusCode(400)
                .body("errors.field", hasItem("dryRun"));
        given().auth().oauth2(admin).queryParam("period", "2999-01").queryParam("customerId", "org_x")
                .get("/api/v1/billing/summary").then().statusCode(400).body("errors.field", hasItem("period"));
        given().auth().oauth2(admin).queryParam("period", "2001-01")
                .get("/api/v1/billing/summary").then().statusCode(400).body("errors.field", hasItem("customerId"));
        given().auth().oauth2(admin).queryParam("period", "2001-01").queryParam("customerId", "org_nobody")
                .get("/api/v1/billing/summary").then().statusCode(404);
        given().auth().oauth2(admin).queryParam("from", "2026-02-30").queryParam("to", "2026-03-01")
                .get("/api/v1/invoices/-export").then().statusCode(400).body("errors.field", hasItem("from"));
        given().auth().oauth2(admin).queryParam("from", "2026-03-01").queryParam("to", "2026-02-01")
                .get("/api/v1/invoices/-export").then().statusCode(400).body("errors.field", hasItem("to"));
        given().auth().oauth2(admin).queryParam("from", "2024-01-01").queryParam("to", "2026-02-01")
                .get("/api/v1/invoices/-export").then().statusCode(400).body("errors.field", hasItem("to"));
        assertThat(TestSql.number("select count(*) from billing_run where period in ('2026-13', ?)", current)).isZero();
    }

    @Test
    void unknownInvoicesAreNotFoundAndMovesOutOfOrderConflict() {
        String admin = OrganizationEvents.platformAdmin();
        for (String action : new String[] { "finalize", "pay", "void" }) {
            given().auth().oauth2(admin).post("/api/v1/invoices/inv_unknown/" + action).then().statusCode(404)
                    .body("code", equalTo(404));
        }
        given().auth().oauth2(admin).get("/api/v1/invoices/inv_unknown").then().statusCode(404);
        given().auth().oauth2(admin).get("/api/v1/invoices/inv_unknown.csv").then().statusCode(404);
        given().auth().oauth2(admin).get("/api/v1/credit-notes/cn_unknown").then().statusCode(404);
        given().auth().oauth2(admin).queryParam("sort", "password").get("/api/v1/invoices").then().statusCode(400);

        BillingWorld world = BillingRunTest.billedWorld();
        String id = BillingRunTest.run(world, false);
        given().auth().oauth2(admin).post("/api/v1/invoices/" + id + "/void").then().statusCode(409)
                .body("message", org.hamcrest.Matchers.containsString("DRAFT"));
        assertThat(TestSql.rows("select status from invoice where id = ?", id).getFirst()).containsEntry("status", "DRAFT");
        assertThat(TestSql.number("select count(*) from credit_note where invoice_id = ?", id)).isZero();
    }

    @Test
    void malformedRequestsNeverAnswerAServerError() throws Exception {
        AtomicInteger used = new AtomicInteger();
        String[] token = { null };
        HostileRequests.Tally tally = new HostileRequests(RestAssured.port, 20_261_201L, () -> {
            if (used.getAndIncrement() % 40 == 0) {
                token[0] = TestTokens.forRole(Role.PLATFORM_ADMIN, OrganizationEvents.PLATFORM);
            }
            return token[0];
        })
                .endpoint("POST", "/api/v1/billing-runs?dryRun=true", "{\"period\": \"2001-01\"}")
                .endpoint("GET", "/api/v1/invoices", null)
                .endpoint("GET", "/api/v1/invoices/{id}", null)
                .endpoint("GET", "/api/v1/invoices/-export?from=2026-01-01&to=2026-01-31", null)
                .endpoint("POST", "/api/v1/invoices/{id}/finalize", null)
                .endpoint("GET", "/api/v1/credit-notes", null)
                .endpoint("GET", "/api/v1/billing/summary?period=2001-01&customerId=org_x", null)
                .send(800);
        System.out.println("malformed requests to billing: " + tally);
        assertThat(tally.serverErrors()).isEmpty();
    }
}
