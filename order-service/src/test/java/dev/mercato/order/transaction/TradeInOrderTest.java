package dev.mercato.order.transaction;

import static dev.mercato.order.transaction.OrderFixture.firstItem;
import static dev.mercato.order.transaction.OrderFixture.initialOrder;
import static dev.mercato.order.transaction.OrderFixture.json;
import static dev.mercato.order.transaction.OrderFixture.newPurchaseOrder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.order.TestContracts;
import dev.mercato.order.catalogmodel.CatalogEvents;
import dev.mercato.order.contract.ContractCreated;
import dev.mercato.order.subscription.ActivationType;
import dev.mercato.order.subscription.Deployment;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * MULTI_USER_TRADE_IN orders: multi-user subscriptions up for renewal under an opportunity are retired and
 * single-user ones bought for two seats per multi-user seat, added to a running contract of the customer and
 * ending with it, priced for the rest of its term. The multi-user contract ends within the 90 days in which an
 * opportunity is open; the contract traded into started 73 days ago for 12 months.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TradeInOrderTest {

    @Inject
    TestContracts contracts;

    private final OrderFixture fixture = new OrderFixture();
    private final String singleUserSku = CatalogEvents.newSku();
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private final LocalDate start = today.minusDays(73);
    private final LocalDate ends = start.plusMonths(12).minusDays(1);

    @BeforeAll
    void publish() {
        fixture.publish();
        CatalogEvents.article(singleUserSku, "30.00", 1, "\"MULTI_USER_TRADE_IN\"", null, null);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.number("select count(*) from catalog_article where sku = ?", singleUserSku) == 1);
    }

    /** A contract of {@code customer} whose subscription ({@code deployment}, 3 seats) ends in 60 days: its serial number. */
    private String endingSubscription(TestOrganization customer, Deployment deployment) {
        ContractCreated created = contracts.create(customer, today.minusDays(305), today.plusDays(60),
                TestContracts.item("MU-" + CatalogEvents.newSku().substring(0, 10), 3)
                        .withProduct("Multi-user product", null, deployment, ActivationType.SERIAL_NUMBER));
        String serial = created.subscriptions().get(0).serialNumber;
        await().atMost(Duration.ofSeconds(30)).until(() -> opportunityOf(serial) != null);
        return serial;
    }

    /** A running contract of {@code customer} started 73 days ago: its number. */
    private String runningContract(TestOrganization customer) {
        return contracts.create(customer, start, ends, TestContracts.item("SU-" + CatalogEvents.newSku().substring(0, 10),
                1)).contract().contractNumber;
    }

    private static String opportunityOf(String serial) {
        return (String) TestSql.rows("select opportunity_number from subscription where serial_number = ?", serial)
                .get(0).get("opportunity_number");
    }

    /** {@code amount} × the share of the running contract's term left today, to cents. */
    private BigDecimal prorated(String amount) {
        LocalDate endExclusive = start.plusMonths(12);
        return new BigDecimal(amount).multiply(BigDecimal.valueOf(ChronoUnit.DAYS.between(today, endExclusive)))
                .divide(BigDecimal.valueOf(ChronoUnit.DAYS.between(start, endExclusive)), 2, RoundingMode.HALF_EVEN);
    }

    private static Map<String, Object> tradeIn(String contractNumber, LocalDate endDate, String opportunity,
            String sku, int quantity, Object price, String serial) {
        Map<String, Object> order = initialOrder(null, newPurchaseOrder(), sku, quantity, price);
        for (String field : List.of("customerCsn", "customerName", "customerAddressLine1", "customerCity",
                "customerPostal", "customerCountry", "contractStartDate")) {
            order.remove(field);
        }
        order.put("contractNumber", contractNumber);
        order.put("contractEndDate", endDate.toString());
        order.put("opportunityNumber", opportunity);
        firstItem(order).put("serialNumber", serial);
        return order;
    }

    private ValidatableResponse place(TestOrganization partner, Map<String, Object> order) {
        return given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, partner))
                .contentType("application/json").queryParam("type", "MULTI_USER_TRADE_IN").body(json(order))
                .post("/api/v1/transactions").then();
    }

    private ValidatableResponse get(String path) {
        return given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, fixture.partner)).get(path).then()
                .statusCode(200);
    }

    @Test
    void retiresTheMultiUserSubscriptionAndAddsTwoSingleUserSeatsForEachAlignedToTheContract() {
        String multiUser = endingSubscription(fixture.tenant, Deployment.MULTI_USER);
        String opportunity = opportunityOf(multiUser);
        String contract = runningContract(fixture.tenant);
        BigDecimal expected = prorated("180.00"); // 6 × 30.00

        String id = place(fixture.partner, tradeIn(contract, ends, opportunity, singleUserSku, 6, expected, multiUser))
                .statusCode(202).extract().path("data.id");
        await().atMost(Duration.ofSeconds(30)).until(() -> "PROCESSED".equals(
                TestSql.rows("select status from order_transaction where id = ?", id).get(0).get("status")));

        get("/api/v1/subscriptions/" + multiUser).body("data.status", equalTo("EXPIRED"));
        get("/api/v1/subscriptions?contractNumber=" + contract + "&renewalSku=" + singleUserSku)
                .body("data.size()", equalTo(1))
                .body("data[0].deployment", equalTo("SINGLE_USER")).body("data[0].seats", equalTo(6))
                .body("data[0].startDate", equalTo(today.toString())).body("data[0].endDate", equalTo(ends.toString()));
        get("/api/v1/opportunities/" + opportunity).body("data.closedAt", notNullValue())
                .body("data.salesStatus", equalTo("CHANGE_M2S_SWITCH"));
    }

    @Test
    void refusesATradeInThatDoesNotFit() {
        String multiUser = endingSubscription(fixture.tenant, Deployment.MULTI_USER);
        String opportunity = opportunityOf(multiUser);
        String contract = runningContract(fixture.tenant);
        BigDecimal expected = prorated("180.00");
        long before = TestSql.number("select count(*) from order_transaction where contract_number = ?", contract);

        place(fixture.partner, tradeIn(contract, ends.plusDays(1), opportunity, singleUserSku, 6, expected, multiUser))
                .statusCode(422).body("errors[0].field", equalTo("contractEndDate"))
                .body("errors[0].message", containsString(ends.toString()));
        place(fixture.partner, tradeIn(contract, ends, opportunity, singleUserSku, 3, prorated("90.00"), multiUser))
                .statusCode(422).body("errors[0].field", equalTo("items[0].quantity"))
                .body("errors[0].message", containsString("must buy 6 seats"));
        place(fixture.partner, tradeIn(contract, ends, opportunity, singleUserSku, 6, 180, multiUser))
                .statusCode(422).body("errors[0].field", equalTo("items[0].price"))
                .body("errors[0].message", containsString("send price " + expected.toPlainString()));
        place(fixture.partner, tradeIn(contract, ends, opportunity, fixture.sku, 6, expected, multiUser))
                .statusCode(422).body("errors[0].field", equalTo("items[0].sku"));
        place(fixture.otherPartner, tradeIn(contract, ends, opportunity, singleUserSku, 6, expected, multiUser))
                .statusCode(422).body("errors[0].field", equalTo("contractNumber"));

        String singleUser = endingSubscription(fixture.tenant, Deployment.SINGLE_USER);
        place(fixture.partner, tradeIn(contract, ends, opportunityOf(singleUser), singleUserSku, 6, expected, singleUser))
                .statusCode(422).body("errors[0].field", equalTo("items[0].serialNumber"))
                .body("errors[0].message", containsString("only MULTI_USER"));
        place(fixture.partner, tradeIn(contract, ends, opportunityOf(singleUser), singleUserSku, 6, expected, multiUser))
                .statusCode(422).body("errors[0].field", equalTo("items[0].serialNumber"));

        String othersMultiUser = endingSubscription(fixture.otherTenant, Deployment.MULTI_USER);
        place(fixture.partner, tradeIn(contract, ends, opportunityOf(othersMultiUser), singleUserSku, 6, expected,
                othersMultiUser)).statusCode(422).body("errors[0].field", equalTo("opportunityNumber"))
                .body("errors[0].message", containsString("is among your customers'"));

        TestSql.execute("update opportunity set closed_at = now(), sales_status = 'LOST_OTHER_REASON' "
                + "where opportunity_number = ?", opportunity);
        place(fixture.partner, tradeIn(contract, ends, opportunity, singleUserSku, 6, expected, multiUser))
                .statusCode(422).body("errors[0].field", equalTo("opportunityNumber"))
                .body("errors[0].message", containsString("was closed"));
        assertThat(TestSql.number("select count(*) from order_transaction where contract_number = ?", contract))
                .isEqualTo(before);
        get("/api/v1/subscriptions/" + multiUser).body("data.status", equalTo("ACTIVE"));
    }
}
