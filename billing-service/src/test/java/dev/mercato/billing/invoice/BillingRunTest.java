package dev.mercato.billing.invoice;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mercato.billing.BillingWorld;
import dev.mercato.platform.events.InvoiceChangedV1;
import dev.mercato.platform.id.Ids;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class BillingRunTest {

    /** A billed world, the metered subscription, its listing and the aggregate of day 3, 10:00 (400 calls). */
    record Billed(BillingWorld world, String metered, String listing, String firstAggregate) {
    }

    static BillingWorld billedWorld() {
        return billed().world();
    }

    /** A tenant with 4 seats at 250.00 for a term of the world's month, and 1,250 API calls through a graduated plan. */
    static Billed billed() {
        BillingWorld world = BillingWorld.create();
        world.subscription(world.tenant, world.day(1), world.month.atEndOfMonth(), 4, "250.00", null);
        String listing = Ids.next("lst");
        world.plan(listing, world.platform.id(), "eur", null, List.of(BillingWorld.usagePrice(listing, "api_calls", "TIERED",
                "0", "1000", "0.10", "1000", null, "0.05")));
        String metered = world.subscription(world.tenant, world.day(1), world.month.atEndOfMonth(), 1, "0", listing);
        String first = world.usage(world.tenant, metered, listing, "api_calls", world.day(3).atTime(10, 0), "400", 1, null);
        world.usage(world.tenant, metered, listing, "api_calls", world.day(3).atTime(11, 0), "500", 1, null);
        world.usage(world.tenant, metered, listing, "api_calls", world.day(20).atTime(0, 0), "350", 1, null);
        return new Billed(world, metered, listing, first);
    }

    static String run(BillingWorld world, boolean finalize) {
        given().auth().oauth2(OrganizationEvents.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("period", world.month.toString(), "finalize", finalize))
                .post("/api/v1/billing-runs").then().statusCode(200);
        return TestSql.rows("select id from invoice where customer_id = ? and period = ?", world.tenant.id(),
                world.month.toString()).getFirst().get("id").toString();
    }

    @Test
    void previewsWithoutStoringThenBillsEachCustomerOncePerPeriod() {
        BillingWorld world = billedWorld();
        String period = world.month.toString();

        given().auth().oauth2(OrganizationEvents.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("period", period)).queryParam("dryRun", "true")
                .post("/api/v1/billing-runs").then().statusCode(200)
                .body("data.dryRun", equalTo(true))
                .body("data.invoices.find { it.customerId == '" + world.tenant.id() + "' }.total", equalTo(1112.50f));
        assertThat(TestSql.number("select count(*) from invoice where customer_id = ?", world.tenant.id())).isZero();

        String id = run(world, false);
        Map<String, Object> first = TestSql.rows("select status, total, issuer_id from invoice where id = ?", id).getFirst();
        assertThat(first.get("status")).isEqualTo("DRAFT");
        assertThat(new java.math.BigDecimal(first.get("total").toString())).isEqualByComparingTo("1112.50");
        assertThat(first.get("issuer_id")).isEqualTo(world.partner.id());

        given().auth().oauth2(OrganizationEvents.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("period", period)).post("/api/v1/billing-runs").then().statusCode(200)
                .body("data.invoiceIds", not(hasItem(id)));
        assertThat(TestSql.number("select count(*) from invoice where customer_id = ?", world.tenant.id())).isOne();
        assertThat(TestSql.number("select count(*) from invoice_line where invoice_id = ?", id)).isEqualTo(2);

        given().auth().oauth2(OrganizationEvents.platformAdmin()).get("/api/v1/invoices/" + id).then().statusCode(200)
                .body("data.status", equalTo("DRAFT"))
                .body("data.lines.amount", equalTo(List.of(1000.00f, 112.50f)))
                .body("data.lines[1].dimension", equalTo("api_calls"))
                .body("data.lines[1].quantity", equalTo(1250))
                .body("data.lines[0].srpPrice", equalTo(250))
                .body("data.lines[0].purPrice", equalTo(187.5f));
    }

    @Test
    void finalizesNumbersAndPaysAndNeverChangesAFinalizedInvoice() {
        BillingWorld world = billedWorld();
        String id = run(world, false);
        String admin = OrganizationEvents.platformAdmin();

        given().auth().oauth2(admin).post("/api/v1/invoices/" + id + "/pay").then().statusCode(409)
                .body("message", containsString("DRAFT"));
        given().auth().oauth2(admin).post("/api/v1/invoices/" + id + "/finalize").then().statusCode(200)
                .body("data.status", equalTo("FINALIZED")).body("data.number", equalTo(1));
        given().auth().oauth2(admin).post("/api/v1/invoices/" + id + "/finalize").then().statusCode(409)
                .body("message", containsString("FINALIZED"));
        TestKafka.awaitRecord("billing.invoices", record -> id.equals(record.key())
                && InvoiceChangedV1.FINALIZED.equals(header(record, "ce_type")), Duration.ofSeconds(30));

        given().auth().oauth2(admin).post("/api/v1/invoices/" + id + "/pay").then().statusCode(200)
                .body("data.status", equalTo("PAID"));
        given().auth().oauth2(admin).post("/api/v1/invoices/" + id + "/void").then().statusCode(409)
                .body("message", containsString("PAID"));
        assertThat(TestSql.rows("select status, number from invoice where id = ?", id).getFirst())
                .containsEntry("status", "PAID").containsEntry("number", 1L);
    }

    @Test
    void voidingIssuesACreditNoteForTheWholeInvoice() {
        BillingWorld world = billedWorld();
        String id = run(world, true);
        String admin = OrganizationEvents.platformAdmin();

        given().auth().oauth2(admin).post("/api/v1/invoices/" + id + "/void").then().statusCode(200)
                .body("data.status", equalTo("VOID"));

        given().auth().oauth2(admin).queryParam("invoiceId", id).get("/api/v1/credit-notes").then().statusCode(200)
                .body("data[0].kind", equalTo("CREDIT"))
                .body("data[0].reason", equalTo("VOID"))
                .body("data[0].total", equalTo(-1112.50f));
        TestKafka.awaitRecord("billing.credit-notes", record -> record.value().contains(id), Duration.ofSeconds(30));
    }

    static String header(org.apache.kafka.clients.consumer.ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
