package dev.mercato.billing.analytics;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import dev.mercato.billing.BillingWorld;
import dev.mercato.platform.events.PlanChangedV1;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Revenue figures through the real topics and database: the README's worked example to the cent, the subtree a
 * caller sees, scope refusal and bad input. Subscriptions lie in years no billing test uses (before 2001).
 */
@QuarkusTest
class RevenueAnalyticsTest {

    private static final String REVENUE = "/api/v1/analytics/revenue";
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Test
    void computesTheWorkedExampleToTheCent() {
        BillingWorld world = BillingWorld.create();
        TestOrganization secondTenant = world.partner.child("TENANT");
        world.organization(secondTenant);
        world.exchangeRate("usd", "eur", "0.9235", LocalDate.parse("1995-01-01"));
        world.exchangeRate("usd", "eur", "0.95", LocalDate.parse("1995-04-15"));

        LocalDate start = LocalDate.parse("1995-01-01");
        LocalDate end = LocalDate.parse("1995-12-31");
        String a = world.subscription(world.tenant, start, end, 10, "99.99", null);
        world.publishSubscription(a, world.tenant, start, end, 15, "99.99", null, instant("1995-02-11"), 2);
        world.publishSubscription(a, world.tenant, start, end, 12, "99.99", null, instant("1995-03-05"), 3);
        world.retireSubscription(a, world.tenant, start, end, 12, "99.99", instant("1995-04-20"), 4);

        String listing = Ids.next("lst");
        String vendor = Ids.next("org");
        String plan = world.plan(listing, vendor, "usd", "QUARTERLY", List.of(new PlanChangedV1.PriceDefinitionV1(
                Ids.next("prd"), "RECURRING", "UNIT", "seat", List.of(new PlanChangedV1.PriceRangeV1(BigDecimal.ZERO, null,
                        new BigDecimal("29.99"), null, null)), null, false, null, null, null)));
        world.automaticDiscount(plan, vendor, "10", 2);
        world.subscription(secondTenant, LocalDate.parse("1995-02-01"), LocalDate.parse("1995-07-31"), 7, "1.00", listing);

        String c = Ids.next("sub");
        world.publishSubscription(c, world.tenant, LocalDate.parse("1995-03-01"), LocalDate.parse("1996-02-29"), 3, "SKU-C",
                Map.of("gbp", new BigDecimal("7.50")), Map.of("gbp", new BigDecimal("10.00")), null, instant("1995-03-01"), 1);

        JsonNode answer = revenue(TestTokens.forRole(Role.PARTNER_ADMIN, world.partner), "from=1995-01&to=1995-05", 200);
        assertThat(answer.path("currency").asText()).isEqualTo("eur");
        JsonNode months = answer.path("months");
        assertThat(months.size()).isEqualTo(5);
        //                                mrr     arr      new    expansion contraction churned
        assertMonth(months.get(0), "1995-01", 1, 1, "83.32 999.90 83.32 0.00 0.00 0.00",
                Map.of("eur", "83.32 999.90 83.32 0.00 0.00 0.00"));
        assertMonth(months.get(1), "1995-02", 2, 2, "183.15 2197.78 58.16 41.66 0.00 0.00",
                Map.of("eur", "124.99 1499.85 0.00 41.66 0.00 0.00", "usd", "62.98 755.75 62.98 0.00 0.00 0.00"));
        assertMonth(months.get(2), "1995-03", 3, 2, "158.15 1897.81 0.00 0.00 25.00 0.00",
                Map.of("eur", "99.99 1199.88 0.00 0.00 25.00 0.00", "usd", "62.98 755.75 0.00 0.00 0.00 0.00",
                        "gbp", "2.50 30.00 2.50 0.00 0.00 0.00"));
        assertMonth(months.get(3), "1995-04", 2, 2, "66.48 797.73 0.00 6.65 0.00 99.99",
                Map.of("eur", "0.00 0.00 0.00 0.00 0.00 99.99", "usd", "69.98 839.72 0.00 7.00 0.00 0.00",
                        "gbp", "2.50 30.00 0.00 0.00 0.00 0.00"));
        assertMonth(months.get(4), "1995-05", 2, 2, "66.48 797.73 0.00 0.00 0.00 0.00",
                Map.of("usd", "69.98 839.72 0.00 0.00 0.00 0.00", "gbp", "2.50 30.00 0.00 0.00 0.00 0.00"));

        assertThat(months.get(1).path("exchangeRates").path("usd").decimalValue()).isEqualByComparingTo("0.9235");
        assertThat(months.get(3).path("exchangeRates").path("usd").decimalValue()).isEqualByComparingTo("0.95");
        assertThat(months.get(1).path("unconverted").size()).isZero();
        JsonNode unconverted = months.get(2).path("unconverted");
        assertThat(unconverted.size()).isEqualTo(1);
        assertThat(unconverted.get(0).path("currency").asText()).isEqualTo("gbp");
        assertThat(unconverted.get(0).path("reason").asText()).contains("gbp to eur").contains("1995-03-31");

        // the reverse pair: eur amounts divided by the usd → eur rate
        JsonNode inUsd = revenue(TestTokens.forRole(Role.PARTNER_READER, world.partner),
                "from=1995-02&to=1995-02&currency=USD", 200);
        assertThat(inUsd.path("currency").asText()).isEqualTo("usd");
        assertThat(inUsd.path("months").get(0).path("totals").path("mrr").decimalValue().toPlainString()).isEqualTo("198.32");

        // narrowed to one customer
        JsonNode second = revenue(TestTokens.forRole(Role.PARTNER_ADMIN, world.partner),
                "from=1995-02&to=1995-02&customerId=" + secondTenant.id(), 200);
        assertThat(second.path("customerId").asText()).isEqualTo(secondTenant.id());
        assertMonth(second.path("months").get(0), "1995-02", 1, 1, "58.16 697.93 58.16 0.00 0.00 0.00",
                Map.of("usd", "62.98 755.75 62.98 0.00 0.00 0.00"));
    }

    @Test
    void eachCallerSeesItsSubtreeOnly() {
        BillingWorld world = BillingWorld.create();
        LocalDate start = LocalDate.parse("1993-01-01");
        LocalDate end = LocalDate.parse("1993-12-31");
        world.subscription(world.tenant, start, end, 2, "120.00", null);
        world.subscription(world.otherTenant, start, end, 1, "60.00", null);
        String range = "from=1993-01&to=1993-01";

        assertThat(totalMrr(revenue(TestTokens.forRole(Role.PARTNER_ADMIN, world.partner), range, 200))).isEqualTo("20.00");
        assertThat(totalMrr(revenue(TestTokens.forRole(Role.DISTRIBUTOR_READER, world.distributor), range, 200)))
                .isEqualTo("20.00");
        assertThat(totalMrr(revenue(TestTokens.forRole(Role.TENANT_READER, world.tenant), range, 200))).isEqualTo("20.00");
        assertThat(totalMrr(revenue(TestTokens.forRole(Role.PARTNER_ADMIN, world.otherPartner), range, 200)))
                .isEqualTo("5.00");
        assertThat(totalMrr(revenue(TestTokens.forRole(Role.TENANT_ADMIN, world.otherTenant), range, 200))).isEqualTo("5.00");
        assertThat(totalMrr(revenue(TestTokens.forRole(Role.PLATFORM_READER, world.platform),
                range + "&customerId=" + world.partner.id(), 200))).isEqualTo("20.00");

        // another partner's customer, and one that does not exist, are not found
        revenue(TestTokens.forRole(Role.PARTNER_ADMIN, world.otherPartner), range + "&customerId=" + world.tenant.id(), 404);
        revenue(TestTokens.forRole(Role.TENANT_ADMIN, world.tenant), range + "&customerId=" + world.partner.id(), 404);
        revenue(TestTokens.forRole(Role.PLATFORM_ADMIN, world.platform), range + "&customerId=org_nobody", 404);
    }

    @Test
    void refusesCallersWithoutTheScopeAndVendors() {
        BillingWorld world = BillingWorld.create();
        given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, world.partner, Scopes.READ_BILLING)).get(REVENUE)
                .then().statusCode(403).body("code", equalTo(403));
        TestOrganization vendor = world.platform.child("VENDOR");
        world.organization(vendor);
        given().auth().oauth2(TestTokens.forRole(Role.VENDOR_ADMIN, vendor)).get(REVENUE)
                .then().statusCode(403).body("message", containsString("vendor"));
        given().get(REVENUE).then().statusCode(401);
    }

    @Test
    void answersBadInputWith400NamingTheParameter() {
        BillingWorld world = BillingWorld.create();
        String token = TestTokens.forRole(Role.PARTNER_ADMIN, world.partner);
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("from=1995-13", "from");
        cases.put("from=95-01", "from");
        cases.put("to=1995-1", "to");
        cases.put("to=2999-01", "to");
        cases.put("from=1995-06&to=1995-05", "to");
        cases.put("from=1992-05&to=1995-05", "to");
        cases.put("from=2999-01", "from");
        cases.put("currency=xyz", "currency");
        cases.put("currency=e1", "currency");
        List<String> wrong = new ArrayList<>();
        cases.forEach((query, field) -> {
            JsonNode error = read(given().auth().oauth2(token).get(REVENUE + "?" + query).then().extract().asString());
            if (error.path("code").asInt() != 400 || !field.equals(error.path("errors").path(0).path("field").asText())) {
                wrong.add(query + " → " + error);
            }
        });
        assertThat(wrong).isEmpty();
        revenue(token, "from=1993-05&to=1996-04", 200);
    }

    private static JsonNode revenue(String token, String query, int status) {
        String body = given().auth().oauth2(token).get(REVENUE + "?" + query).then().statusCode(status).extract().asString();
        return read(body).path("data");
    }

    private static void assertMonth(JsonNode month, String name, int subscriptions, int customers, String totals,
            Map<String, String> byCurrency) {
        assertThat(month.path("month").asText()).isEqualTo(name);
        assertThat(month.path("asOf").asText()).isEqualTo(java.time.YearMonth.parse(name).atEndOfMonth().toString());
        assertThat(month.path("subscriptions").asInt()).as(name + " subscriptions").isEqualTo(subscriptions);
        assertThat(month.path("customers").asInt()).as(name + " customers").isEqualTo(customers);
        assertThat(figures(month.path("totals"))).as(name + " totals").isEqualTo(totals);
        List<String> currencies = new ArrayList<>();
        month.path("byCurrency").fieldNames().forEachRemaining(currencies::add);
        assertThat(currencies).as(name + " currencies").containsExactlyInAnyOrderElementsOf(byCurrency.keySet());
        byCurrency.forEach((currency, expected) -> assertThat(figures(month.path("byCurrency").path(currency)))
                .as(name + " " + currency).isEqualTo(expected));
    }

    private static String figures(JsonNode figures) {
        List<String> amounts = new ArrayList<>();
        for (String name : List.of("mrr", "arr", "newMrr", "expansionMrr", "contractionMrr", "churnedMrr")) {
            amounts.add(figures.path(name).decimalValue().toPlainString());
        }
        return String.join(" ", amounts);
    }

    private static String totalMrr(JsonNode answer) {
        return answer.path("months").get(0).path("totals").path("mrr").decimalValue().toPlainString();
    }

    private static Instant instant(String day) {
        return LocalDate.parse(day).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
