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

import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Orders that change a running contract: ADD_SEAT adds seats to a subscription and ADD_PRODUCT new subscriptions
 * co-termed to the contract, each priced for the rest of the term; EXTEND co-terms the contract to another of the
 * customer's, priced for the days it adds. The contract started 73 days ago for 12 months.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeOrderTest {

    private final OrderFixture fixture = new OrderFixture();
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final LocalDate start = today.minusDays(73);

    @BeforeAll
    void publish() {
        fixture.publish();
    }

    /** A processed INITIAL contract of {@code customer} placed by {@code partner}: its number and the serial number. */
    private String[] contractOf(TestOrganization partner, TestOrganization customer) {
        return contractOf(partner, customer, start);
    }

    private String[] contractOf(TestOrganization partner, TestOrganization customer, LocalDate startingOn) {
        Map<String, Object> order = initialOrder(csnOf(customer), newPurchaseOrder(), fixture.sku, 2, 94);
        order.put("contractStartDate", startingOn.toString());
        String id = given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, partner)).contentType("application/json")
                .queryParam("type", "INITIAL").body(json(order)).post("/api/v1/transactions")
                .then().statusCode(202).extract().path("data.id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "PROCESSED".equals(
                TestSql.rows("select status from order_transaction where id = ?", id).get(0).get("status")));
        Map<String, Object> done = given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, partner))
                .get("/api/v1/transactions/" + id).then().extract().path("data");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) done.get("items");
        return new String[] {(String) done.get("contractNumber"), (String) items.get(0).get("serialNumber")};
    }

    /** {@code amount} × the share of the contract's term left today, to cents. */
    private BigDecimal prorated(String amount) {
        LocalDate endExclusive = start.plusMonths(12);
        long total = ChronoUnit.DAYS.between(start, endExclusive);
        long remaining = ChronoUnit.DAYS.between(today, endExclusive);
        return new BigDecimal(amount).multiply(BigDecimal.valueOf(remaining))
                .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_EVEN);
    }

    private Map<String, Object> changeOrder(String contractNumber, String sku, int quantity, Object price, String serial) {
        Map<String, Object> order = initialOrder(null, newPurchaseOrder(), sku, quantity, price);
        for (String field : List.of("customerCsn", "customerName", "customerAddressLine1", "customerCity",
                "customerPostal", "customerCountry", "contractStartDate")) {
            order.remove(field);
        }
        order.put("contractNumber", contractNumber);
        if (serial != null) {
            firstItem(order).put("serialNumber", serial);
        }
        return order;
    }

    private io.restassured.response.ValidatableResponse place(String type, Map<String, Object> order) {
        return given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, fixture.partner))
                .contentType("application/json").queryParam("type", type).body(json(order))
                .post("/api/v1/transactions").then();
    }

    private static void awaitProcessed(String id) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "PROCESSED".equals(
                TestSql.rows("select status from order_transaction where id = ?", id).get(0).get("status")));
    }

    @Test
    void addsSeatsToASubscriptionPricedForTheRestOfItsTerm() {
        String[] contract = contractOf(fixture.partner, fixture.tenant);
        BigDecimal expected = prorated("141.00"); // 3 × 47.00
        place("ADD_SEAT", changeOrder(contract[0], fixture.sku, 3, 141, contract[1]))
                .statusCode(422).body("errors[0].field", equalTo("items[0].price"))
                .body("errors[0].message", equalTo("is 141 but 3 × SKU " + fixture.sku + " costs " + expected.toPlainString()
                        + " eur for the rest of the term from " + today + " to " + start.plusMonths(12).minusDays(1)
                        + "; send price " + expected.toPlainString()));

        // A dry run shows the subscription with the seats it would have, and changes nothing.
        given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, fixture.partner)).contentType("application/json")
                .queryParam("type", "ADD_SEAT").queryParam("dryRun", true)
                .body(json(changeOrder(contract[0], fixture.sku, 3, expected, contract[1])))
                .post("/api/v1/transactions").then().statusCode(200)
                .body("data.outcome", equalTo("PROCESSED"))
                .body("data.contract.contractNumber", equalTo(contract[0]))
                .body("data.subscriptions.find { it.serialNumber == '" + contract[1] + "' }.seats", equalTo(25));
        assertThat(TestSql.rows("select quantity, seats from subscription where serial_number = ?", contract[1]))
                .containsExactly(Map.of("quantity", 2, "seats", 10));

        String id = place("ADD_SEAT", changeOrder(contract[0], fixture.sku, 3, expected, contract[1]))
                .statusCode(202).body("data.contractNumber", equalTo(contract[0])).extract().path("data.id");
        awaitProcessed(id);
        assertThat(TestSql.rows("select quantity, seats from subscription where serial_number = ?", contract[1]))
                .containsExactly(Map.of("quantity", 5, "seats", 25));
    }

    @Test
    void addsAProductCoTermedToTheContractPricedForTheRestOfItsTerm() {
        String[] contract = contractOf(fixture.partner, fixture.tenant);
        BigDecimal expected = prorated("20.25"); // 2 × 10.125
        String id = place("ADD_PRODUCT", changeOrder(contract[0], fixture.otherSku, 2, expected, null))
                .statusCode(202).extract().path("data.id");
        awaitProcessed(id);
        assertThat(TestSql.rows("select renewal_sku, quantity, end_date from subscription where contract_number = ?",
                contract[0])).containsExactlyInAnyOrder(
                        Map.of("renewal_sku", fixture.sku, "quantity", 2,
                                "end_date", java.sql.Date.valueOf(start.plusMonths(12).minusDays(1))),
                        Map.of("renewal_sku", fixture.otherSku, "quantity", 2,
                                "end_date", java.sql.Date.valueOf(start.plusMonths(12).minusDays(1))));
    }

    @Test
    void extendsAContractToTheEndDateOfAnotherOfTheCustomersContractsPricingTheAddedDays() {
        String[] contract = contractOf(fixture.partner, fixture.tenant);
        LocalDate laterStart = today.minusDays(10);
        contractOf(fixture.partner, fixture.tenant, laterStart);
        LocalDate end = start.plusMonths(12).minusDays(1);
        LocalDate aligned = laterStart.plusMonths(12).minusDays(1);
        long added = ChronoUnit.DAYS.between(end, aligned);
        long term = ChronoUnit.DAYS.between(start, start.plusMonths(12));
        BigDecimal expected = new BigDecimal("94.00").multiply(BigDecimal.valueOf(added))
                .divide(BigDecimal.valueOf(term), 2, RoundingMode.HALF_EVEN);

        Map<String, Object> unaligned = changeOrder(contract[0], fixture.sku, 2, expected, contract[1]);
        unaligned.put("contractEndDate", end.plusDays(5).toString());
        place("EXTEND", unaligned).statusCode(422).body("errors[0].field", equalTo("contractEndDate"))
                .body("errors[0].message", containsString("must be the end date of another contract of the customer, "
                        + "later than " + end + ": one of ")).body("errors[0].message", containsString(aligned.toString()));

        Map<String, Object> partial = changeOrder(contract[0], fixture.sku, 1, expected, contract[1]);
        partial.put("contractEndDate", aligned.toString());
        place("EXTEND", partial).statusCode(422).body("errors[0].field", equalTo("items[0].quantity"));

        Map<String, Object> underpaid = changeOrder(contract[0], fixture.sku, 2, 1, contract[1]);
        underpaid.put("contractEndDate", aligned.toString());
        place("EXTEND", underpaid).statusCode(422).body("errors[0].field", equalTo("items[0].price"))
                .body("errors[0].message", equalTo("is 1 but 2 × SKU " + fixture.sku + " costs " + expected.toPlainString()
                        + " eur for the " + added + " days from " + end.plusDays(1) + " to " + aligned + " (of a " + term
                        + "-day term); send price " + expected.toPlainString()));

        Map<String, Object> extension = changeOrder(contract[0], fixture.sku, 2, expected, contract[1]);
        extension.put("contractEndDate", aligned.toString());
        String id = place("EXTEND", extension).statusCode(202).extract().path("data.id");
        awaitProcessed(id);
        assertThat(TestSql.rows("select contract_end_date from contract where contract_number = ?", contract[0]))
                .containsExactly(Map.of("contract_end_date", java.sql.Date.valueOf(aligned)));
        assertThat(TestSql.rows("select end_date from subscription where serial_number = ?", contract[1]))
                .containsExactly(Map.of("end_date", java.sql.Date.valueOf(aligned)));
    }

    @Test
    void refusesAChangeOfAnotherPartnersContractOrASubscriptionNotInTheContract() {
        String[] foreign = contractOf(fixture.otherPartner, fixture.otherTenant);
        String[] own = contractOf(fixture.partner, fixture.tenant);
        place("ADD_SEAT", changeOrder(foreign[0], fixture.sku, 1, 47, foreign[1]))
                .statusCode(422).body("errors[0].field", equalTo("contractNumber"))
                .body("errors[0].message", equalTo("no contract " + foreign[0] + " is among your customers'"));
        place("ADD_SEAT", changeOrder(own[0], fixture.sku, 1, 47, foreign[1]))
                .statusCode(422).body("errors[0].field", equalTo("items[0].serialNumber"))
                .body("errors[0].message", equalTo("no subscription " + foreign[1] + " is in contract " + own[0]));
        place("ADD_SEAT", changeOrder(own[0], fixture.otherSku, 1, 47, own[1]))
                .statusCode(422).body("errors[0].field", equalTo("items[0].sku"));
        place("ADD_PRODUCT", changeOrder("999999999999", fixture.sku, 1, 47, null))
                .statusCode(422).body("errors[0].field", equalTo("contractNumber"));
    }
}
