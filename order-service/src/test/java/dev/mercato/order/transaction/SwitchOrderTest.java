package dev.mercato.order.transaction;

import static dev.mercato.order.transaction.OrderFixture.csnOf;
import static dev.mercato.order.transaction.OrderFixture.firstItem;
import static dev.mercato.order.transaction.OrderFixture.initialOrder;
import static dev.mercato.order.transaction.OrderFixture.json;
import static dev.mercato.order.transaction.OrderFixture.newPurchaseOrder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.order.catalogmodel.CatalogEvents;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * S2S orders: a subscription switches to the SKU its article links name for S2S, keeping its term and quantity,
 * its seats following the new pack size; the new SKU is paid for the rest of the subscription's term. The
 * contracts started 73 days ago for 12 months.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SwitchOrderTest {

    private final OrderFixture fixture = new OrderFixture();
    private final String sku = CatalogEvents.newSku();
    private final String target = sku + "-S2S";
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final LocalDate start = today.minusDays(73);
    private final LocalDate ends = start.plusMonths(12).minusDays(1);

    @BeforeAll
    void publish() {
        fixture.publish();
        // Every test article names "<its SKU>-S2S" as its switch target.
        CatalogEvents.article(sku, "47.00", 1, "\"INITIAL\"", null, null);
        CatalogEvents.article(target, "60.00", 2, "\"S2S\"", null, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.number(
                "select count(*) from catalog_article where sku in (?, ?)", sku, target) == 2);
    }

    /** A processed contract of {@code customer} with 2 of the SKU: its number and the serial number. */
    private String[] contractOf(TestOrganization partner, TestOrganization customer) {
        Map<String, Object> order = initialOrder(csnOf(customer), newPurchaseOrder(), sku, 2, 94);
        order.put("contractStartDate", start.toString());
        String id = given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, partner)).contentType("application/json")
                .queryParam("type", "INITIAL").body(json(order)).post("/api/v1/transactions")
                .then().statusCode(202).extract().path("data.id");
        awaitProcessed(id);
        Map<String, Object> done = given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, partner))
                .get("/api/v1/transactions/" + id).then().extract().path("data");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) done.get("items");
        return new String[] {(String) done.get("contractNumber"), (String) items.get(0).get("serialNumber")};
    }

    private static void awaitProcessed(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "PROCESSED".equals(
                TestSql.rows("select status from order_transaction where id = ?", id).get(0).get("status")));
    }

    /** {@code amount} × the share of the subscription's term left today, to cents. */
    private BigDecimal prorated(String amount) {
        LocalDate endExclusive = start.plusMonths(12);
        return new BigDecimal(amount).multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(today, endExclusive)))
                .divide(BigDecimal.valueOf(ChronoUnit.DAYS.between(start, endExclusive)), 2, RoundingMode.HALF_EVEN);
    }

    private static Map<String, Object> switchOrder(String contractNumber, String sku, int quantity, Object price,
            String serial) {
        Map<String, Object> order = initialOrder(null, newPurchaseOrder(), sku, quantity, price);
        for (String field : List.of("customerCsn", "customerName", "customerAddressLine1", "customerCity",
                "customerPostal", "customerCountry", "contractStartDate")) {
            order.remove(field);
        }
        order.put("contractNumber", contractNumber);
        firstItem(order).put("serialNumber", serial);
        return order;
    }

    private ValidatableResponse place(TestOrganization partner, Map<String, Object> order) {
        return given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, partner))
                .contentType("application/json").queryParam("type", "S2S").body(json(order))
                .post("/api/v1/transactions").then();
    }

    @Test
    void switchesASubscriptionToItsLinkedSkuKeepingItsTerm() {
        String[] contract = contractOf(fixture.partner, fixture.tenant);
        BigDecimal expected = prorated("120.00"); // 2 × 60.00

        String id = place(fixture.partner, switchOrder(contract[0], target, 2, expected, contract[1]))
                .statusCode(202).body("data.contractNumber", equalTo(contract[0])).extract().path("data.id");
        awaitProcessed(id);

        given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, fixture.partner))
                .get("/api/v1/subscriptions/" + contract[1]).then().statusCode(200)
                .body("data.renewalSku", equalTo(target)).body("data.quantity", equalTo(2))
                .body("data.seats", equalTo(4)).body("data.startDate", equalTo(start.toString()))
                .body("data.endDate", equalTo(ends.toString())).body("data.status", equalTo("ACTIVE"));
    }

    @Test
    void refusesASwitchToAnUnlinkedSkuAWrongPriceOrAnotherPartnersContract() {
        String[] contract = contractOf(fixture.partner, fixture.tenant);
        BigDecimal expected = prorated("120.00");
        long before = TestSql.number("select count(*) from order_transaction where contract_number = ?", contract[0]);

        place(fixture.partner, switchOrder(contract[0], fixture.otherSku, 2, 20.25, contract[1]))
                .statusCode(422).body("errors[0].field", equalTo("items[0].sku"))
                .body("errors[0].message", equalTo("subscription " + contract[1] + " of SKU " + sku
                        + " cannot switch to " + fixture.otherSku + "; it can switch to " + target));
        place(fixture.partner, switchOrder(contract[0], target, 1, expected, contract[1]))
                .statusCode(422).body("errors[0].field", equalTo("items[0].quantity"));
        place(fixture.partner, switchOrder(contract[0], target, 2, 120, contract[1]))
                .statusCode(422).body("errors[0].field", equalTo("items[0].price"))
                .body("errors[0].message", containsString("costs " + expected.toPlainString()
                        + " eur for the rest of the term from " + today + " to " + ends));
        place(fixture.otherPartner, switchOrder(contract[0], target, 2, expected, contract[1]))
                .statusCode(422).body("errors[0].field", equalTo("contractNumber"));

        String[] other = contractOf(fixture.otherPartner, fixture.otherTenant);
        place(fixture.partner, switchOrder(contract[0], target, 2, expected, other[1]))
                .statusCode(422).body("errors[0].field", equalTo("items[0].serialNumber"));
        assertThat(TestSql.number("select count(*) from order_transaction where contract_number = ?", contract[0]))
                .isEqualTo(before);
        assertThat(TestSql.rows("select renewal_sku from subscription where serial_number = ?", contract[1]))
                .containsExactly(Map.of("renewal_sku", sku));
    }
}
