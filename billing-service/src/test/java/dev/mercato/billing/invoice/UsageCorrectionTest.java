package dev.mercato.billing.invoice;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mercato.billing.BillingWorld;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UsageCorrectionTest {

    @Test
    void lateUsageBringsADebitNoteAndACorrectionACreditNote() {
        BillingRunTest.Billed billed = BillingRunTest.billed();
        BillingWorld world = billed.world();
        String invoiceId = BillingRunTest.run(world, true);

        // 250 calls more after finalization: 1,500 calls = 100.00 + 500 × 0.05 = 125.00, 12.50 more than invoiced
        world.usage(world.tenant, billed.metered(), billed.listing(), "api_calls", world.day(25).atTime(9, 0), "250", 1, null);
        List<Map<String, Object>> debit = awaitNotes(invoiceId, 1);
        assertNote(debit.getFirst(), "DEBIT", "12.50");

        // the hour of 400 calls corrected to 100: 1,200 calls = 110.00, 15.00 less than charged so far
        world.usage(world.tenant, billed.metered(), billed.listing(), "api_calls", world.day(3).atTime(10, 0), "100", 2,
                billed.firstAggregate());
        List<Map<String, Object>> both = awaitNotes(invoiceId, 2);
        assertNote(both.get(1), "CREDIT", "-15.00");

        given().auth().oauth2(OrganizationEvents.platformAdmin()).get("/api/v1/credit-notes/" + both.get(1).get("id"))
                .then().statusCode(200)
                .body("data.lines[0].invoiceLineNo", equalTo(2))
                .body("data.lines[0].quantity", equalTo(-300))
                .body("data.lines[0].amount", equalTo(-15.00f));
        // the invoice itself never changes
        given().auth().oauth2(OrganizationEvents.platformAdmin()).get("/api/v1/invoices/" + invoiceId).then()
                .statusCode(200).body("data.total", equalTo(1112.50f));
    }

    @Test
    void usageNamingItsSubscriptionBySerialNumberAsMeteringDoesIsBilledAndCorrected() {
        BillingWorld world = BillingWorld.create();
        String listing = dev.mercato.platform.id.Ids.next("lst");
        world.plan(listing, world.platform.id(), "eur", null, List.of(BillingWorld.usagePrice(listing, "api_calls", "TIERED",
                "0", "1000", "0.10", "1000", null, "0.05")));
        String metered = world.subscription(world.tenant, world.day(1), world.month.atEndOfMonth(), 1, "0", listing);
        String serial = BillingWorld.serialOf(metered);
        world.usage(world.tenant, serial, listing, "api_calls", world.day(3).atTime(10, 0), "1250", 1, null);
        String invoiceId = BillingRunTest.run(world, true);
        given().auth().oauth2(OrganizationEvents.platformAdmin()).get("/api/v1/invoices/" + invoiceId).then()
                .statusCode(200)
                .body("data.lines.find { it.kind == 'USAGE' }.subscriptionId", equalTo(metered))
                .body("data.lines.find { it.kind == 'USAGE' }.amount", equalTo(112.50f));

        // 250 calls more, named the same way: 1,500 calls = 125.00, a debit of 12.50 (not a credit of all usage)
        world.usage(world.tenant, serial, listing, "api_calls", world.day(25).atTime(9, 0), "250", 1, null);
        assertNote(awaitNotes(invoiceId, 1).getFirst(), "DEBIT", "12.50");
    }

    private static List<Map<String, Object>> awaitNotes(String invoiceId, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() ->
                TestSql.number("select count(*) from credit_note where invoice_id = ?", invoiceId) == count);
        return TestSql.rows("select id, kind, reason, total from credit_note where invoice_id = ? order by created_at",
                invoiceId);
    }

    private static void assertNote(Map<String, Object> note, String kind, String total) {
        org.assertj.core.api.Assertions.assertThat(note).containsEntry("kind", kind).containsEntry("reason", "USAGE_CORRECTION");
        org.assertj.core.api.Assertions.assertThat(new BigDecimal(note.get("total").toString())).isEqualByComparingTo(total);
    }
}
