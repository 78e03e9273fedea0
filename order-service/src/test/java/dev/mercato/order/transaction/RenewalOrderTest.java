package dev.mercato.order.transaction;

import static dev.mercato.order.transaction.OrderFixture.csnOf;
import static dev.mercato.order.transaction.OrderFixture.initialOrder;
import static dev.mercato.order.transaction.OrderFixture.json;
import static dev.mercato.order.transaction.OrderFixture.newPurchaseOrder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * RENEWAL orders: the subscriptions an opportunity lists get a new 12-month term from their end date, all of them
 * (the opportunity is closed) or some (the rest stay open under a new opportunity number). The contracts started
 * 300 days ago, so their subscriptions end within the 90 days in which an opportunity is open.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RenewalOrderTest {

    private final OrderFixture fixture = new OrderFixture();
    private final String renewableSku = CatalogEvents.newSku();
    private final LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(300);
    private final LocalDate ends = start.plusMonths(12).minusDays(1);
    private final LocalDate renewedUntil = ends.plusDays(1).plusMonths(12).minusDays(1);

    @BeforeAll
    void publish() {
        fixture.publish();
        CatalogEvents.article(renewableSku, "47.00", 1, "\"INITIAL\", \"RENEWAL\"", null, null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.number("select count(*) from catalog_article where sku = ?", renewableSku) == 1);
    }

    /** A processed contract of {@code customer} with 2 and 1 of the renewable SKU: its subscriptions' serial numbers. */
    private List<String> contractOf(TestOrganization partner, TestOrganization customer, String secondSku) {
        Map<String, Object> order = initialOrder(csnOf(customer), newPurchaseOrder(), renewableSku, 2, 94);
        order.put("contractStartDate", start.toString());
        items(order).add(item(secondSku, 1, 47, null));
        String id = given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, partner)).contentType("application/json")
                .queryParam("type", "INITIAL").body(json(order)).post("/api/v1/transactions")
                .then().statusCode(202).extract().path("data.id");
        awaitStatus(id, "PROCESSED");
        List<String> serials = given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, partner))
                .get("/api/v1/transactions/" + id).then().extract().path("data.items.serialNumber");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.number("select count(*) from subscription "
                + "where serial_number in (?, ?) and opportunity_number is not null", serials.get(0), serials.get(1)) == 2);
        return serials;
    }

    private static String opportunityOf(String serial) {
        return (String) TestSql.rows("select opportunity_number from subscription where serial_number = ?", serial)
                .get(0).get("opportunity_number");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> order) {
        return (List<Map<String, Object>>) order.get("items");
    }

    private static Map<String, Object> item(String sku, int quantity, Object price, String serial) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sku", sku);
        item.put("quantity", quantity);
        item.put("price", price);
        if (serial != null) {
            item.put("serialNumber", serial);
        }
        return item;
    }

    private static Map<String, Object> renewal(String opportunityNumber, List<Map<String, Object>> items) {
        Map<String, Object> order = initialOrder(null, newPurchaseOrder(), "unused", 1, 1);
        for (String field : List.of("customerCsn", "customerName", "customerAddressLine1", "customerCity",
                "customerPostal", "customerCountry", "contractStartDate")) {
            order.remove(field);
        }
        order.put("opportunityNumber", opportunityNumber);
        order.put("items", new ArrayList<>(items));
        return order;
    }

    private ValidatableResponse place(TestOrganization partner, Map<String, Object> order) {
        return given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, partner))
                .contentType("application/json").queryParam("type", "RENEWAL").body(json(order))
                .post("/api/v1/transactions").then();
    }

    private ValidatableResponse get(String path) {
        return given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, fixture.partner)).get(path).then()
                .statusCode(200);
    }

    private static void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(
                TestSql.rows("select status from order_transaction where id = ?", id).get(0).get("status")));
    }

    @Test
    void renewsEverySubscriptionOfAnOpportunityForANewTermAndClosesIt() {
        List<String> serials = contractOf(fixture.partner, fixture.tenant, renewableSku);
        String opportunity = opportunityOf(serials.get(0));

        String id = place(fixture.partner, renewal(opportunity, List.of(item(renewableSku, 2, 94, serials.get(0)),
                item(renewableSku, 1, "47.00", serials.get(1)))))
                .statusCode(202).body("data.status", equalTo("PENDING"))
                .body("data.contractEndDate", equalTo(renewedUntil.toString())).extract().path("data.id");
        awaitStatus(id, "PROCESSED");

        for (String serial : serials) {
            get("/api/v1/subscriptions/" + serial).body("data.endDate", equalTo(renewedUntil.toString()))
                    .body("data.contractEndDate", equalTo(renewedUntil.toString()));
        }
        get("/api/v1/opportunities/" + opportunity).body("data.closedAt", notNullValue())
                .body("data.salesStatus", equalTo("RENEW_BUYING_AS_IS"));
        assertThat(TestSql.number("select contract_renewal_counter from contract c join subscription s "
                + "on s.contract_id = c.id where s.serial_number = ?", serials.get(0))).isEqualTo(1);

        place(fixture.partner, renewal(opportunity, List.of(item(renewableSku, 2, 94, serials.get(0)),
                item(renewableSku, 1, 47, serials.get(1)))))
                .statusCode(422).body("errors[0].field", equalTo("opportunityNumber"))
                .body("errors[0].message", containsString("was closed"));
    }

    @Test
    void renewsSomeSubscriptionsAndKeepsTheRestOpenUnderANewOpportunityNumber() {
        List<String> serials = contractOf(fixture.partner, fixture.tenant, renewableSku);
        String opportunity = opportunityOf(serials.get(0));
        Map<String, Object> order = renewal(opportunity, List.of(item(renewableSku, 2, 94, serials.get(0))));
        order.put("partialRenewal", true);

        String id = place(fixture.partner, order).statusCode(202).extract().path("data.id");
        awaitStatus(id, "PROCESSED");

        get("/api/v1/subscriptions/" + serials.get(0)).body("data.endDate", equalTo(renewedUntil.toString()));
        String remainder = get("/api/v1/subscriptions/" + serials.get(1)).body("data.endDate", equalTo(ends.toString()))
                .extract().path("data.opportunityNumber");
        assertThat(remainder).isNotEqualTo(opportunity).matches("A-\\d{8}");
        get("/api/v1/opportunities/" + remainder).body("data.closedAt", nullValue())
                .body("data.items.serialNumber", equalTo(List.of(serials.get(1))));

        // The old number is gone: what is left is renewed under the new one.
        place(fixture.partner, renewal(opportunity, List.of(item(renewableSku, 1, 47, serials.get(1)))))
                .statusCode(422).body("errors[0].field", equalTo("opportunityNumber"));
        String rest = place(fixture.partner, renewal(remainder, List.of(item(renewableSku, 1, 47, serials.get(1)))))
                .statusCode(202).extract().path("data.id");
        awaitStatus(id, "PROCESSED");
        awaitStatus(rest, "PROCESSED");
        get("/api/v1/subscriptions/" + serials.get(1)).body("data.endDate", equalTo(renewedUntil.toString()));
    }

    @Test
    void refusesARenewalThatDoesNotFitTheOpportunity() {
        List<String> serials = contractOf(fixture.partner, fixture.tenant, fixture.sku);
        String opportunity = opportunityOf(serials.get(0));
        long before = TestSql.number("select count(*) from order_transaction where opportunity_number = ?", opportunity);

        place(fixture.partner, renewal(opportunity, List.of(item(renewableSku, 2, 90, serials.get(0)))))
                .statusCode(422).body("errors[0].field", equalTo("items"))
                .body("errors[0].message", containsString("or set partialRenewal"));
        place(fixture.partner, renewal(opportunity, List.of(item(renewableSku, 2, 90, serials.get(0)),
                item(fixture.sku, 1, 47, serials.get(1)))))
                .statusCode(422).body("errors[0].field", equalTo("items[0].price"))
                .body("errors[0].message", equalTo("is 90 but 2 × SKU " + renewableSku
                        + " costs 94.00 eur; send price 94.00"));
        place(fixture.partner, renewal(opportunity, List.of(item(renewableSku, 2, 94, serials.get(0)),
                item(fixture.sku, 1, 47, serials.get(1)))))
                .statusCode(422).body("errors[0].field", equalTo("items[1].sku"))
                .body("errors[0].message", containsString("cannot be ordered in RENEWAL orders"));
        place(fixture.partner, renewal(opportunity, List.of(item(renewableSku, 1, 47, serials.get(0)))))
                .statusCode(422).body("errors[0].field", equalTo("items[0].quantity"));
        Map<String, Object> wholeAsPartial = renewal(opportunity, List.of(item(renewableSku, 2, 94, serials.get(0)),
                item(fixture.sku, 1, 47, serials.get(1))));
        wholeAsPartial.put("partialRenewal", true);
        place(fixture.partner, wholeAsPartial).statusCode(422).body("errors[0].field", equalTo("partialRenewal"));
        place(fixture.otherPartner, renewal(opportunity, List.of(item(renewableSku, 2, 94, serials.get(0)))))
                .statusCode(422).body("errors[0].field", equalTo("opportunityNumber"))
                .body("errors[0].message", equalTo("no opportunity " + opportunity + " is among your customers'"));

        List<String> others = contractOf(fixture.otherPartner, fixture.otherTenant, renewableSku);
        place(fixture.partner, renewal(opportunityOf(serials.get(0)), List.of(item(renewableSku, 2, 94, others.get(0)))))
                .statusCode(422).body("errors[0].field", equalTo("items[0].serialNumber"));

        TestSql.execute("update opportunity set subscription_end_date = current_date - 1 where opportunity_number = ?",
                opportunity);
        place(fixture.partner, renewal(opportunity, List.of(item(renewableSku, 2, 94, serials.get(0)))))
                .statusCode(422).body("errors[0].field", equalTo("opportunityNumber"))
                .body("errors[0].message", containsString("expired"));
        assertThat(TestSql.number("select count(*) from order_transaction where opportunity_number = ?", opportunity))
                .isEqualTo(before);
    }
}
