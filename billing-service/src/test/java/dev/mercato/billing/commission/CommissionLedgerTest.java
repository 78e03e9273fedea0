package dev.mercato.billing.commission;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mercato.billing.BillingWorld;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The module README's commission example through the real ledger: a finalized invoice books the partner's,
 * the distributor's and the platform's shares once, each sees what the tree allows (the customer never its
 * channel's purchase price), and a void takes all back.
 */
@QuarkusTest
class CommissionLedgerTest {

    @Test
    void finalizingBooksTheChannelsSharesAndAVoidClawsThemBack() {
        BillingWorld world = BillingWorld.create();
        String sku = "SKU-" + Ids.next("sku").substring(4, 14).toUpperCase();
        subscription(world, world.tenant, sku, "1000.00", "750.00");
        world.discount(sku, "20", "50", "10");
        subscription(world, world.otherTenant, "SKU-" + Ids.next("sku").substring(4, 14).toUpperCase(), "100.00", "75.00");

        billAndFinalize(world);
        String invoice = invoiceOf(world, world.tenant);

        assertThat(entries(invoice)).containsExactlyInAnyOrder(
                Map.entry(world.partner.id(), "75.00"), Map.entry(world.distributor.id(), "55.00"),
                Map.entry(world.platform.id(), "80.00"));
        assertThat(entries(invoiceOf(world, world.otherTenant))).containsExactlyInAnyOrder(
                Map.entry(world.otherPartner.id(), "25.00"), Map.entry(world.platform.id(), "10.00"));

        summary(world, Role.PARTNER_ADMIN, world.partner)
                .body("data.beneficiaries.organizationId", contains(world.partner.id()))
                .body("data.beneficiaries[0].kind", equalTo("PARTNER"))
                .body("data.beneficiaries[0].earned", equalTo(75.00f))
                .body("data.beneficiaries[0].invoices", equalTo(1));
        summary(world, Role.DISTRIBUTOR_READER, world.distributor)
                .body("data.beneficiaries.organizationId", containsInAnyOrder(world.partner.id(), world.distributor.id()));
        summary(world, Role.TENANT_ADMIN, world.tenant).body("data.beneficiaries", empty());
        given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, world.otherPartner))
                .queryParam("invoiceId", invoice).get("/api/v1/commissions")
                .then().statusCode(200).body("data", empty());

        given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, world.partner)).get("/api/v1/invoices/{id}", invoice)
                .then().statusCode(200).body("data.lines[0].purPrice", equalTo(750));
        given().auth().oauth2(TestTokens.forRole(Role.TENANT_ADMIN, world.tenant)).get("/api/v1/invoices/{id}", invoice)
                .then().statusCode(200).body("data.lines[0].srpPrice", equalTo(1000))
                .body("data.lines[0].purPrice", nullValue());
        // The tenant's export leaves the purchase price out. Checked by column: the row's ids and timestamp are random,
        // and "750" turned up inside a timestamp's microseconds.
        List<String> csv = given().auth().oauth2(TestTokens.forRole(Role.TENANT_ADMIN, world.tenant))
                .get("/api/v1/invoices/{id}.csv", invoice).then().statusCode(200).extract().asString().lines().toList();
        List<String> columns = List.of(csv.get(0).split(",", -1));
        List<String> line = List.of(csv.get(1).split(",", -1));
        assertThat(line).hasSameSizeAs(columns).doesNotContain("750", "750.00");
        assertThat(line.get(columns.indexOf("pur_price"))).isEmpty();
        assertThat(line.get(columns.indexOf("srp_price"))).isEqualTo("1000");

        given().auth().oauth2(OrganizationEvents.platformAdmin()).post("/api/v1/invoices/{id}/void", invoice)
                .then().statusCode(200);

        summary(world, Role.PARTNER_ADMIN, world.partner)
                .body("data.beneficiaries[0].earned", equalTo(75.00f))
                .body("data.beneficiaries[0].adjusted", equalTo(-75.00f))
                .body("data.beneficiaries[0].net", equalTo(0.00f));
        assertThat(TestSql.number("select count(*) from commission_entry where invoice_id = ? and source = 'CREDIT_NOTE'",
                invoice)).isEqualTo(3);
        assertThat(new BigDecimal(TestSql.rows("select sum(amount) as net from commission_entry where invoice_id = ?",
                invoice).getFirst().get("net").toString())).isZero();
    }

    @Test
    void theSummaryNeedsAMonth() {
        given().auth().oauth2(OrganizationEvents.platformAdmin()).queryParam("period", "2026-13")
                .get("/api/v1/commissions/summary")
                .then().statusCode(400).body("errors[0].field", equalTo("period"));
        given().auth().oauth2(OrganizationEvents.platformAdmin()).get("/api/v1/commissions/summary")
                .then().statusCode(400).body("errors[0].field", equalTo("period"));
    }

    /** One seat for the world's month at {@code srp} eur, bought by the channel at {@code pur}. */
    private static void subscription(BillingWorld world, TestOrganization customer, String sku, String srp, String pur) {
        world.publishSubscription(Ids.next("sub"), customer, world.day(1), world.month.atEndOfMonth(), 1, sku,
                Map.of("eur", new BigDecimal(pur)), Map.of("eur", new BigDecimal(srp)), null, Instant.now(), 1);
    }

    private static void billAndFinalize(BillingWorld world) {
        given().auth().oauth2(OrganizationEvents.platformAdmin()).contentType(ContentType.JSON)
                .body(Map.of("period", world.month.toString(), "finalize", true))
                .post("/api/v1/billing-runs").then().statusCode(200);
    }

    private static String invoiceOf(BillingWorld world, TestOrganization customer) {
        return TestSql.rows("select id from invoice where customer_id = ? and period = ? and status = 'FINALIZED'",
                customer.id(), world.month.toString()).getFirst().get("id").toString();
    }

    private static List<Map.Entry<String, String>> entries(String invoice) {
        return TestSql.rows("select beneficiary_id, amount from commission_entry where invoice_id = ?", invoice).stream()
                .map(row -> Map.entry(row.get("beneficiary_id").toString(),
                        new BigDecimal(row.get("amount").toString()).setScale(2).toPlainString()))
                .toList();
    }

    private static io.restassured.response.ValidatableResponse summary(BillingWorld world, Role role,
            TestOrganization organization) {
        return given().auth().oauth2(TestTokens.forRole(role, organization)).queryParam("period", world.month.toString())
                .get("/api/v1/commissions/summary").then().statusCode(200);
    }
}
