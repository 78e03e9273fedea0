package dev.mercato.catalog.quote;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.testkit.TestMarketplace;
import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.AuthorizationMatrix;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Quotes over a small catalogue of one vendor: an article priced in dkk and eur, one orderable only in
 * 2027, a published plan with seats, a set-up fee and graduated API calls in usd, exchange rates
 * dkk → pln and usd → pln (this class is the only one to use pln), and a 10 % discount code on the article.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QuoteTest {

    private TestMarketplace organizations;
    private String vendorAdmin;
    private String platformAdmin;
    private String sku;
    private String laterSku;
    private String planId;
    private String code;

    @BeforeAll
    void organizations() {
        organizations = TestMarketplace.published();
        vendorAdmin = TestTokens.forRole(Role.VENDOR_ADMIN, organizations.vendor);
        platformAdmin = TestTokens.forRole(Role.PLATFORM_ADMIN, organizations.platform);
    }

    /** Once, in the first test: RestAssured knows the port only when a test runs. */
    @BeforeEach
    void catalogue() {
        if (sku != null) {
            return;
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        sku = "Q-" + suffix;
        laterSku = "QL-" + suffix;
        code = "QUOTE-" + suffix;
        post(vendorAdmin, "/api/v1/articles", """
                {"sku": "%s", "shortDescription": "Modeller Single", "supportedOrderTypes": ["INITIAL", "ADD_SEAT"],
                 "startDate": "2026-01-01", "purPrice": {"dkk": 1000, "eur": 134.10}, "srpPrice": {"eur": 150}}"""
                .formatted(sku));
        post(vendorAdmin, "/api/v1/articles", """
                {"sku": "%s", "startDate": "2027-01-01", "purPrice": {"eur": 10}}""".formatted(laterSku));
        post(platformAdmin, "/api/v1/exchange-rates",
                "{\"baseCurrency\": \"dkk\", \"counterCurrency\": \"pln\", \"rate\": 0.58, \"validFrom\": \"2025-01-01\"}");
        post(platformAdmin, "/api/v1/exchange-rates",
                "{\"baseCurrency\": \"dkk\", \"counterCurrency\": \"pln\", \"rate\": 0.6, \"validFrom\": \"2026-07-01\"}");
        post(platformAdmin, "/api/v1/exchange-rates",
                "{\"baseCurrency\": \"pln\", \"counterCurrency\": \"usd\", \"rate\": 0.25, \"validFrom\": \"2025-01-01\"}");
        planId = post(vendorAdmin, "/api/v1/plans", """
                {"name": "Team", "description": "Team edition", "currency": "usd", "pricingPeriod": "MONTHLY",
                 "priceDefinitions": [
                   {"costTypeCategory": "RECURRING", "pricingStrategy": "UNIT", "unit": "USER",
                    "priceRanges": [{"min": 0, "salePrice": 4}]},
                   {"costTypeCategory": "ONE_TIME", "pricingStrategy": "FLAT", "priceRanges": [{"min": 0, "salePrice": 3}]}]}""")
                .extract().path("data.id");
        given().auth().oauth2(vendorAdmin).post("/api/v1/plans/" + planId + "/publish").then().statusCode(200);
        post(vendorAdmin, "/api/v1/discounts", """
                {"type": "PERCENTAGE", "percentage": 10, "code": "%s", "description": "Ten off the modeller",
                 "autoApply": false, "expirationDate": "2099-01-01", "articleSkus": ["%s"]}""".formatted(code, sku));
    }

    private ValidatableResponse post(String token, String path, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body).post(path).then().statusCode(201);
    }

    private ValidatableResponse quote(String body) {
        return given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, organizations.partner))
                .contentType("application/json").body(body).post("/api/v1/pricing/quote").then();
    }

    @Test
    void pricesAnArticleAtItsPurchasePriceTimesTheQuantity() {
        quote("""
                {"currency": "EUR", "date": "2026-06-01", "items": [{"sku": "%s", "quantity": 3, "orderType": "INITIAL"}]}"""
                .formatted(sku))
                .statusCode(200)
                .body("data.currency", equalTo("eur"))
                .body("data.priceList", equalTo("PUR"))
                .body("data.lines", hasSize(1))
                .body("data.lines[0].unitPrice", equalTo(134.1f))
                .body("data.lines[0].listPrice", equalTo(402.3f))
                .body("data.lines[0].discount", equalTo(0f))
                .body("data.lines[0].total", equalTo(402.3f))
                .body("data.lines[0].exchangeRate", nullValue())
                .body("data.totals.total", equalTo(402.3f));
        quote("""
                {"currency": "eur", "priceList": "SRP", "date": "2026-06-01", "items": [{"sku": "%s", "quantity": 2}]}"""
                .formatted(sku))
                .statusCode(200).body("data.lines[0].total", equalTo(300f));
    }

    @Test
    void convertsWithTheRateValidOnTheQuoteDate() {
        String body = """
                {"currency": "pln", "date": "%s", "items": [{"sku": "%s", "quantity": 1}]}""";
        quote(body.formatted("2026-06-01", sku)).statusCode(200)
                .body("data.lines[0].priceCurrency", equalTo("dkk"))
                .body("data.lines[0].exchangeRate.rate", equalTo(0.58f))
                .body("data.lines[0].total", equalTo(580f));
        quote(body.formatted("2026-08-01", sku)).statusCode(200)
                .body("data.lines[0].exchangeRate.validFrom", equalTo("2026-07-01"))
                .body("data.lines[0].total", equalTo(600f));
    }

    @Test
    void pricesEveryPriceOfAPlanVersionThroughTheReversePairsRate() {
        // usd → pln has no rate of its own: pln → usd 0.25 is divided by, 4 users × 4 usd = 16 usd = 64 pln.
        quote("""
                {"currency": "pln", "date": "2026-06-01", "items": [{"planId": "%s", "version": 1, "quantity": 4}]}"""
                .formatted(planId))
                .statusCode(200)
                .body("data.lines", hasSize(2))
                .body("data.lines.costType", hasItem("RECURRING"))
                .body("data.lines.find { it.costType == 'RECURRING' }.total", equalTo(64f))
                .body("data.lines.find { it.costType == 'ONE_TIME' }.total", equalTo(12f))
                .body("data.lines[0].exchangeRate.inverse", equalTo(true))
                .body("data.totals.total", equalTo(76f));
        quote("""
                {"currency": "usd", "date": "2026-06-01", "items": [{"planId": "%s", "version": 1, "quantity": 4}]}"""
                .formatted(planId))
                .statusCode(200)
                .body("data.lines[0].exchangeRate", nullValue())
                .body("data.totals.total", equalTo(19f));
    }

    @Test
    void takesTheDiscountCodeOffTheLinesItCovers() {
        quote("""
                {"currency": "eur", "date": "2026-06-01", "discountCode": "%s",
                 "items": [{"sku": "%s", "quantity": 3}, {"planId": "%s", "version": 1, "quantity": 1}]}"""
                .formatted(code.toLowerCase(), sku, planId))
                .statusCode(400).body("errors[0].field", equalTo("items[1].planId")); // no usd → eur rate
        quote("""
                {"currency": "eur", "date": "2026-06-01", "discountCode": "%s", "items": [{"sku": "%s", "quantity": 3}]}"""
                .formatted(code.toLowerCase(), sku))
                .statusCode(200)
                .body("data.lines[0].listPrice", equalTo(402.3f))
                .body("data.lines[0].discount", equalTo(40.23f))
                .body("data.lines[0].total", equalTo(362.07f))
                .body("data.totals.discount", equalTo(40.23f));
        quote("""
                {"currency": "pln", "date": "2026-06-01", "discountCode": "%s",
                 "items": [{"planId": "%s", "version": 1, "quantity": 1}]}""".formatted(code, planId))
                .statusCode(400).body("errors[0].field", equalTo("discountCode"));
    }

    @Test
    void refusesWhatCannotBePricedNamingTheField() {
        expectRefusal("{\"currency\": \"xxx\", \"items\": [{\"sku\": \"%s\", \"quantity\": 1}]}".formatted(sku), "currency");
        expectRefusal("{\"currency\": \"eur\", \"items\": [{\"sku\": \"NO-SUCH-SKU-1\", \"quantity\": 1}]}", "items[0].sku");
        expectRefusal("{\"currency\": \"eur\", \"date\": \"2026-06-01\", \"items\": [{\"sku\": \"%s\", \"quantity\": 1}]}"
                .formatted(laterSku), "items[0].sku");
        expectRefusal("{\"currency\": \"eur\", \"items\": [{\"sku\": \"%s\", \"quantity\": 1, \"orderType\": \"RENEWAL\"}]}"
                .formatted(sku), "items[0].orderType");
        expectRefusal("{\"currency\": \"eur\", \"items\": [{\"sku\": \"%s\", \"quantity\": 1.5}]}".formatted(sku),
                "items[0].quantity");
        expectRefusal("{\"currency\": \"eur\", \"items\": [{\"sku\": \"%s\", \"planId\": \"%s\", \"version\": 1}]}"
                .formatted(sku, planId), "items[0]");
        expectRefusal("{\"currency\": \"eur\", \"items\": [{\"planId\": \"%s\"}]}".formatted(planId), "items[0].version");
        expectRefusal("{\"currency\": \"eur\", \"items\": [{\"planId\": \"%s\", \"version\": 9}]}".formatted(planId),
                "items[0].planId");
        expectRefusal("{\"currency\": \"nok\", \"date\": \"2026-06-01\", \"items\": [{\"sku\": \"%s\", \"quantity\": 1}]}"
                .formatted(sku), "items[0].sku");
        expectRefusal("{\"currency\": \"pln\", \"items\": [{\"planId\": \"%s\", \"version\": 1, \"usage\": {\"gpu\": 1}}]}"
                .formatted(planId), "items[0].usage.gpu");
        expectRefusal("{\"currency\": \"eur\", \"items\": []}", "items");
    }

    private void expectRefusal(String body, String field) {
        quote(body).statusCode(400).body("code", equalTo(400)).body("errors.field", hasItem(field));
    }

    @Test
    void quotesForEveryRoleThatReadsTheCatalogue() {
        AuthorizationMatrix.request("POST", "/api/v1/pricing/quote")
                .body("{\"currency\": \"eur\", \"date\": \"2026-06-01\", \"items\": [{\"sku\": \"%s\", \"quantity\": 1}]}"
                        .formatted(sku))
                .requiring(Scopes.READ_CATALOG).exposingToEveryone(sku)
                .callersFrom(organizations.callers()).verify();
    }
}
