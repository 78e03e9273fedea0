package dev.mercato.metering.balance;

import static dev.mercato.metering.balance.TokenFixtures.publishArticle;
import static dev.mercato.metering.balance.TokenFixtures.publishTransaction;
import static dev.mercato.metering.balance.TokenFixtures.transaction;
import static dev.mercato.metering.balance.TokenFixtures.usage;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.metering.UsageWorld;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.AuthorizationMatrix;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

/** GET /api/v1/balances/{customer}: the figures, the run-out projection, who sees it, and bad input. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BalanceResourceTest {

    private UsageWorld world;

    @BeforeAll
    void aTenantWithTokensUsedOverTenDays() {
        world = new UsageWorld();
        String customer = world.tenant.id(), vendor = world.vendor.id();
        String article = publishArticle(vendor, "500");
        String order = Ids.next("txn");
        publishTransaction(order, transaction(order, customer, "PROCESSED", article, 2), UUID.randomUUID().toString());
        // 30 tokens on each of the last ten days before today (15 units at 2 tokens each)
        for (int daysAgo = 1; daysAgo <= 10; daysAgo++) {
            TokenFixtures.send(usage(customer, vendor, "15", "2", Instant.now().minus(Duration.ofDays(daysAgo))));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.number(
                "select count(*) from token_balance where customer_id = ? and purchased = 1000 and consumed = 300",
                customer) == 1);
    }

    @Test
    void showsBalanceConsumptionAndProjectedRunOut() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonPath body = given().auth().oauth2(TestTokens.forRole(Role.TENANT_ADMIN, world.tenant))
                .get("/api/v1/balances/" + world.tenant.id())
                .then().statusCode(200)
                .body("data.customerId", equalTo(world.tenant.id()))
                .body("data.balances", hasSize(1))
                .extract().jsonPath();
        assertThat(body.getString("data.balances[0].vendorId")).isEqualTo(world.vendor.id());
        assertThat(body.getString("data.balances[0].purchased")).isEqualTo("1000");
        assertThat(body.getString("data.balances[0].consumed")).isEqualTo("300");
        assertThat(body.getString("data.balances[0].balance")).isEqualTo("700");
        assertThat(body.getString("data.balances[0].consumedLast7Days")).isEqualTo("180");
        assertThat(body.getString("data.balances[0].consumedLast30Days")).isEqualTo("300");
        assertThat(body.getString("data.balances[0].dailyRate30")).isEqualTo("10");
        // 700 tokens at 10 a day: 70 days
        assertThat(body.getLong("data.balances[0].projectedDays")).isEqualTo(70);
        assertThat(body.getString("data.balances[0].projectedRunOutDate")).isEqualTo(today.plusDays(70).toString());
        assertThat(body.getList("data.balances[0].history")).hasSize(10);
        assertThat(body.getString("data.balances[0].history[0].day")).isEqualTo(today.minusDays(10).toString());
        assertThat(body.getBoolean("data.balances[0].low")).isFalse();
    }

    @Test
    void theCustomerItsPartnerDistributorAndVendorSeeItOthersGet404() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/balances/" + world.tenant.id())
                .requiring(Scopes.READ_METERING)
                .exposing(world.tenant.id(), world.tenant.path())
                .alsoSeenAt(world.vendor.path()))
                .verify();
    }

    @Test
    void aVendorSeesOnlyTheBalanceOfItsOwnTokens() {
        String customer = world.otherTenant.id();
        TokenFixtures.send(usage(customer, world.vendor.id(), "1", "1", Instant.now()));
        TokenFixtures.send(usage(customer, world.otherVendor.id(), "2", "1", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.number(
                "select count(*) from token_balance where customer_id = ?", customer) == 2);
        given().auth().oauth2(TestTokens.forRole(Role.VENDOR_ADMIN, world.otherVendor))
                .get("/api/v1/balances/" + customer)
                .then().statusCode(200)
                .body("data.balances", hasSize(1))
                .body("data.balances[0].vendorId", equalTo(world.otherVendor.id()))
                .body("data.balances[0].consumed", equalTo(2));
        given().auth().oauth2(TestTokens.forRole(Role.TENANT_ADMIN, world.otherTenant))
                .get("/api/v1/balances/" + customer)
                .then().statusCode(200).body("data.balances", hasSize(2));
    }

    @Test
    void refusesParametersAndAnswers404ForUnknownCustomers() {
        String platform = TestTokens.forRole(Role.PLATFORM_ADMIN, world.platform);
        given().auth().oauth2(platform).get("/api/v1/balances/" + world.tenant.id() + "?from=2026-01-01")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(platform).get("/api/v1/balances/org_nobody")
                .then().statusCode(404).body("code", equalTo(404));
        given().auth().oauth2(platform).get("/api/v1/balances/" + "x".repeat(300))
                .then().statusCode(404);
        given().auth().oauth2(platform).get("/api/v1/balances/%00%27;drop")
                .then().statusCode(404);
    }
}
