package dev.mercato.order.transaction;

import static dev.mercato.order.transaction.OrderFixture.csnOf;
import static dev.mercato.order.transaction.OrderFixture.firstItem;
import static dev.mercato.order.transaction.OrderFixture.initialOrder;
import static dev.mercato.order.transaction.OrderFixture.json;
import static dev.mercato.order.transaction.OrderFixture.newPurchaseOrder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.platform.events.Topics;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Placing orders: every payload rule (400 naming the field, nothing stored), the business rules (422), dry runs and idempotency. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlaceOrderTest {

    private final OrderFixture fixture = new OrderFixture();
    private String csn;
    private String otherCsn;

    @BeforeAll
    void publish() {
        fixture.publish();
        csn = csnOf(fixture.tenant);
        otherCsn = csnOf(fixture.otherTenant);
    }

    private ValidatableResponse place(String type, Object body) {
        return given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, fixture.partner))
                .contentType("application/json").queryParam("type", type).body(json(body))
                .post("/api/v1/transactions").then();
    }

    private static long stored(String purchaseOrder) {
        return TestSql.number("select count(*) from order_transaction where purchase_order_number = ?", purchaseOrder);
    }

    /** Places an INITIAL order changed by {@code change}; expects 400 naming {@code field} and nothing stored. */
    private void refuses(String type, String field, Consumer<Map<String, Object>> change) {
        String purchaseOrder = newPurchaseOrder();
        Map<String, Object> order = initialOrder(csn, purchaseOrder, fixture.sku, 2, 94);
        change.accept(order);
        place(type, order).statusCode(400).body("errors.field", hasItem(field));
        assertThat(stored(purchaseOrder)).isZero();
    }

    private void refuses(String field, Consumer<Map<String, Object>> change) {
        refuses("INITIAL", field, change);
    }

    @Test
    void placesAnInitialOrderPendingAtTheConfirmedPriceAndPublishesIt() {
        String purchaseOrder = newPurchaseOrder();
        String id = place("INITIAL", initialOrder(csn, purchaseOrder, fixture.sku, 2, 94))
                .statusCode(202)
                .body("code", equalTo(202))
                .body("data.object", equalTo("transaction"))
                .body("data.status", equalTo("PENDING"))
                .body("data.orderType", equalTo("INITIAL"))
                .body("data.customerId", equalTo(fixture.tenant.id()))
                .body("data.customerCsn", equalTo(csn))
                .body("data.currency", equalTo("eur"))
                .body("data.contractTerm", equalTo(12))
                .body("data.contractStartDate", equalTo("2026-12-01"))
                .body("data.contractEndDate", equalTo("2027-11-30"))
                .body("data.quantity", equalTo(2))
                .body("data.items[0].packSize", equalTo(5))
                .extract().path("data.id");

        ConsumerRecord<String, String> event = TestKafka.awaitRecord("orders.transactions",
                record -> id.equals(record.key()) && record.value().contains("\"PENDING\""), Duration.ofSeconds(30));
        assertThat(event.value()).contains("\"price\":94.00").contains("\"customerId\":\"" + fixture.tenant.id() + "\"");
        assertThat(TestSql.rows("select price, currency from order_transaction where id = ?", id))
                .containsExactly(Map.of("price", new BigDecimal("94.00"), "currency", "eur"));
    }

    @Test
    void roundsTheExpectedPriceToTheMinorUnit() {
        // 3 × 10.125 = 30.375, half-even to cents: 30.38.
        String purchaseOrder = newPurchaseOrder();
        place("INITIAL", initialOrder(csn, purchaseOrder, fixture.otherSku, 3, new BigDecimal("30.375")))
                .statusCode(422).body("errors[0].field", equalTo("items[0].price"))
                .body("errors[0].message", containsString("send price 30.38"));
        place("INITIAL", initialOrder(csn, purchaseOrder, fixture.otherSku, 3, new BigDecimal("30.38"))).statusCode(202);
        assertThat(stored(purchaseOrder)).isEqualTo(1);
    }

    @Test
    void refusesAPriceOtherThanTheSkuPriceTimesTheQuantityShowingTheExpectedOne() {
        String purchaseOrder = newPurchaseOrder();
        place("INITIAL", initialOrder(csn, purchaseOrder, fixture.sku, 2, 90))
                .statusCode(422)
                .body("errors[0].field", equalTo("items[0].price"))
                .body("errors[0].message", equalTo("is 90 but 2 × SKU " + fixture.sku + " costs 94.00 eur; send price 94.00"));
        assertThat(stored(purchaseOrder)).isZero();
    }

    @Test
    void refusesACustomerOfAnotherPartner() {
        String purchaseOrder = newPurchaseOrder();
        place("INITIAL", initialOrder(otherCsn, purchaseOrder, fixture.sku, 2, 94))
                .statusCode(422)
                .body("errors[0].field", equalTo("customerCsn"))
                .body("errors[0].message", equalTo("no customer with CSN " + otherCsn + " is among yours"));
        assertThat(stored(purchaseOrder)).isZero();
    }

    @Test
    void refusesASkuOutsideItsOrderableWindow() {
        String purchaseOrder = newPurchaseOrder();
        place("INITIAL", initialOrder(csn, purchaseOrder, fixture.endedSku, 1, 47))
                .statusCode(422).body("errors[0].field", equalTo("items[0].sku"))
                .body("errors[0].message", containsString("can be ordered from"));
        place("INITIAL", initialOrder(csn, purchaseOrder, fixture.futureSku, 1, 47))
                .statusCode(422).body("errors[0].field", equalTo("items[0].sku"))
                .body("errors[0].message", containsString("not on"));
        assertThat(stored(purchaseOrder)).isZero();
    }

    @Test
    void refusesASkuThatDoesNotSupportTheOrderTypeOrIsUnknown() {
        String purchaseOrder = newPurchaseOrder();
        place("INITIAL", initialOrder(csn, purchaseOrder, fixture.renewalOnlySku, 1, 47))
                .statusCode(422).body("errors[0].field", equalTo("items[0].sku"))
                .body("errors[0].message", equalTo("SKU " + fixture.renewalOnlySku
                        + " cannot be ordered in INITIAL orders; it supports RENEWAL"));
        place("INITIAL", initialOrder(csn, purchaseOrder, "NO-SUCH-SKU", 1, 47))
                .statusCode(422).body("errors[0].field", equalTo("items[0].sku"))
                .body("errors[0].message", equalTo("no article has SKU NO-SUCH-SKU"));
        assertThat(stored(purchaseOrder)).isZero();
    }

    @Test
    void refusesEveryPayloadRuleNamingTheField() {
        refuses("BOGUS", "type", order -> { });
        refuses("deliveryDate", order -> order.remove("deliveryDate"));
        refuses("purchaseOrderNumber", order -> order.put("purchaseOrderNumber", ""));
        refuses("purchaseOrderNumber", order -> order.put("purchaseOrderNumber", "x".repeat(36)));
        refuses("resellerSiteId", order -> order.remove("resellerSiteId"));
        refuses("resellerSiteId", order -> order.put("resellerSiteId", "x".repeat(36)));
        refuses("contactFirstName", order -> order.put("contactFirstName", "x".repeat(36)));
        refuses("contactLastName", order -> order.remove("contactLastName"));
        refuses("contactEmail", order -> order.put("contactEmail", "not-an-email"));
        refuses("accountAdminEmail", order -> order.put("accountAdminEmail", "admin-at-example"));
        refuses("contactLanguage", order -> order.put("contactLanguage", "DE"));
        refuses("contactCountryCode", order -> order.put("contactCountryCode", "XX"));
        refuses("contactCountryCode", order -> order.put("contactCountryCode", "fi"));
        refuses("customerCsn", order -> order.put("customerCsn", "123456789"));
        refuses("customerCsn", order -> order.put("customerCsn", "12345678901"));
        refuses("customerCsn", order -> order.remove("customerCsn"));
        refuses("customerName", order -> order.put("customerName", "x".repeat(101)));
        refuses("customerName", order -> order.put("customerName", ""));
        refuses("customerAddressLine1", order -> order.put("customerAddressLine1", "x".repeat(36)));
        refuses("customerCity", order -> order.put("customerCity", "x".repeat(36)));
        refuses("customerPostal", order -> order.put("customerPostal", ""));
        refuses("customerCountry", order -> order.put("customerCountry", "x".repeat(36)));
        refuses("distributorCsn", order -> order.put("distributorCsn", "123"));
        refuses("items", order -> order.put("items", List.of()));
        refuses("items", order -> order.remove("items"));
        refuses("items[0].quantity", order -> firstItem(order).put("quantity", 0));
        refuses("items[0].quantity", order -> firstItem(order).put("quantity", 1001));
        refuses("items[0].sku", order -> firstItem(order).put("sku", "x".repeat(36)));
        refuses("items[0].price", order -> firstItem(order).remove("price"));
        refuses("items[0].price", order -> firstItem(order).put("price", -1));
        refuses("items[0].serialNumber", order -> firstItem(order).put("serialNumber", "562-10433296"));
        refuses("contractNumber", order -> order.put("contractNumber", "110001517717"));
        refuses("unknownField", order -> order.put("unknownField", "x"));
    }

    @Test
    void refusesWhatEachOtherOrderTypeRequiresOrDoesNotTake() {
        refuses("ADD_SEAT", "contractNumber", order -> order.remove("customerCsn"));
        refuses("ADD_SEAT", "customerCsn", order -> order.put("contractNumber", "110001517717"));
        refuses("ADD_PRODUCT", "contractNumber", order -> {
            order.remove("customerCsn");
            order.remove("customerName");
        });
        refuses("EXTEND", "contractEndDate", order -> {
            stripCustomer(order);
            order.put("contractNumber", "110001517717");
            order.remove("contractStartDate");
        });
        refuses("MULTI_USER_TRADE_IN", "opportunityNumber", order -> {
            stripCustomer(order);
            order.put("contractNumber", "110001517717");
            order.put("contractEndDate", "2027-12-01");
            order.remove("contractStartDate");
        });
        refuses("RENEWAL", "opportunityNumber", order -> {
            stripCustomer(order);
            order.remove("contractStartDate");
        });
        refuses("S2S", "items[0].serialNumber", order -> {
            stripCustomer(order);
            order.put("contractNumber", "110001517717");
            order.remove("contractStartDate");
        });
    }

    private static void stripCustomer(Map<String, Object> order) {
        for (String field : List.of("customerCsn", "customerName", "customerAddressLine1", "customerCity",
                "customerPostal", "customerCountry")) {
            order.remove(field);
        }
    }

    @Test
    void replaysAnOrderPlacedTwiceWithOneIdempotencyKey() {
        String purchaseOrder = newPurchaseOrder();
        String key = UUID.randomUUID().toString();
        String token = TestTokens.forRole(Role.PARTNER_ADMIN, fixture.partner);
        String body = json(initialOrder(csn, purchaseOrder, fixture.sku, 1, 47));
        String first = given().auth().oauth2(token).header("Idempotency-Key", key).contentType("application/json")
                .queryParam("type", "INITIAL").body(body).post("/api/v1/transactions")
                .then().statusCode(202).extract().path("data.id");
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType("application/json")
                .queryParam("type", "INITIAL").body(body).post("/api/v1/transactions")
                .then().statusCode(202).body("data.id", equalTo(first));
        assertThat(stored(purchaseOrder)).isEqualTo(1);
    }

    @Test
    void validatesAndPricesADryRunAndShowsItsContractWithoutStoringAnything() {
        String purchaseOrder = newPurchaseOrder();
        ValidatableResponse dryRun = given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, fixture.partner))
                .contentType("application/json").queryParam("type", "INITIAL").queryParam("dryRun", true)
                .body(json(initialOrder(csn, purchaseOrder, fixture.sku, 2, 94)))
                .post("/api/v1/transactions")
                .then().statusCode(200)
                .body("data.transaction.id", nullValue())
                .body("data.transaction.status", equalTo("PENDING"))
                .body("data.transaction.contractEndDate", equalTo("2027-11-30"))
                .body("data.transaction.purPrice.eur", equalTo(94.00f))
                .body("data.outcome", equalTo("PROCESSED"))
                .body("data.outcomeMessage", nullValue())
                .body("data.contract.customerCsn", equalTo(csn))
                .body("data.contract.contractEndDate", equalTo("2027-11-30"))
                .body("data.subscriptions", hasSize(1))
                .body("data.subscriptions[0].renewalSku", equalTo(fixture.sku))
                .body("data.subscriptions[0].status", equalTo("ACTIVE"))
                .body("data.subscriptions[0].endDate", equalTo("2027-11-30"));
        String contractId = dryRun.extract().path("data.contract.id");
        String serialNumber = dryRun.extract().path("data.subscriptions[0].serialNumber");
        assertThat(TestSql.number("select count(*) from contract where id = ?", contractId)).isZero();
        assertThat(TestSql.number("select count(*) from subscription where serial_number = ?", serialNumber)).isZero();
        assertThat(TestKafka.events(Topics.ORDERS_CONTRACTS, r -> contractId.equals(r.key()), Duration.ofSeconds(1))).isEmpty();
        assertThat(TestKafka.events(Topics.ORDERS_SUBSCRIPTIONS, r -> r.value().contains(serialNumber), Duration.ofSeconds(1)))
                .isEmpty();
        given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, fixture.partner))
                .contentType("application/json").queryParam("type", "INITIAL").queryParam("dryRun", true)
                .body(json(initialOrder(csn, purchaseOrder, fixture.sku, 2, 95)))
                .post("/api/v1/transactions")
                .then().statusCode(422).body("errors[0].field", equalTo("items[0].price"));
        assertThat(stored(purchaseOrder)).isZero();
    }

    @Test
    void refusesAnOrderFromATenant() {
        String purchaseOrder = newPurchaseOrder();
        given().auth().oauth2(TestTokens.forRole(Role.TENANT_ADMIN, fixture.tenant, "read:orders", "write:orders"))
                .contentType("application/json").queryParam("type", "INITIAL")
                .body(json(initialOrder(csn, purchaseOrder, fixture.sku, 2, 94)))
                .post("/api/v1/transactions")
                .then().statusCode(403);
        assertThat(stored(purchaseOrder)).isZero();
    }
}
