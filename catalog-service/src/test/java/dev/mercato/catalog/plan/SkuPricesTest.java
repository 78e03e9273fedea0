package dev.mercato.catalog.plan;

import static dev.mercato.catalog.plan.PlanFixtures.create;
import static dev.mercato.catalog.plan.PlanFixtures.planBody;
import static dev.mercato.catalog.plan.PlanFixtures.publish;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.testkit.TestMarketplace;
import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.AuthorizationMatrix;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * {@code /pricing} shows the articles' prices beside the plans': each amount of a purchase or retail
 * price object is a UNIT price of one open range, with the article's orderable window, filtered, sorted,
 * paged and dumped like the plan prices.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SkuPricesTest {

    private TestMarketplace organizations;
    private String vendorAdmin;
    private String tenantReader;

    @BeforeAll
    void organizations() {
        organizations = TestMarketplace.published();
        vendorAdmin = TestTokens.forRole(Role.VENDOR_ADMIN, organizations.vendor);
        tenantReader = TestTokens.forRole(Role.TENANT_READER, organizations.tenant);
    }

    private RequestSpecification reader() {
        return given().auth().oauth2(tenantReader);
    }

    private String article(String prices) {
        String sku = "SP-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase();
        given().auth().oauth2(vendorAdmin).contentType("application/json").body("""
                {"sku": "%s", "startDate": "2026-01-01", "endDate": "2027-06-30", %s}""".formatted(sku, prices))
                .post("/api/v1/articles").then().statusCode(201);
        return sku;
    }

    @Test
    void listsEachAmountOfAnArticlesPriceObjectsAsAUnitPriceWithItsOrderableWindow() {
        String sku = article("\"purPrice\": {\"eur\": 100, \"usd\": 110.50}, \"srpPrice\": {\"eur\": 120}");

        reader().queryParam("sku", sku).queryParam("sort", "priceList,currency").get("/api/v1/pricing")
                .then().statusCode(200)
                .body("pagination.total", equalTo(3))
                .body("data.kind", everyItem(equalTo("SKU")))
                .body("data.priceList", contains("PUR", "PUR", "SRP"))
                .body("data.currency", contains("eur", "usd", "eur"))
                .body("data.startingPrice", contains(100, 110.5f, 120))
                .body("data.pricingStrategy", everyItem(equalTo("UNIT")))
                .body("data.ownerId", everyItem(equalTo(organizations.vendor.id())))
                .body("data.startDate", everyItem(equalTo("2026-01-01")))
                .body("data.endDate", everyItem(equalTo("2027-06-30")))
                .body("data.planId", everyItem(nullValue()))
                .body("data.planVersion", everyItem(nullValue()))
                .body("data[0].priceRanges", hasSize(1))
                .body("data[0].priceRanges[0].min", equalTo(0))
                .body("data[0].priceRanges[0].max", nullValue())
                .body("data[0].priceRanges[0].salePrice", equalTo(100));

        reader().queryParam("sku", sku).queryParam("priceList", "SRP").get("/api/v1/pricing").then().statusCode(200)
                .body("data", hasSize(1)).body("data[0].startingPrice", equalTo(120));
        reader().queryParam("filter", "$eq(sku,'" + sku + "')-and-$eq(currency,'usd')").get("/api/v1/pricing")
                .then().statusCode(200).body("data.startingPrice", contains(110.5f));
    }

    @Test
    void showsAnArticleAmountAboveThePlanPriceLimitInsteadOfRefusingTheList() {
        // articles take amounts up to 10^12, plan prices up to 10^9: the view shows what is stored
        String sku = article("\"purPrice\": {\"eur\": 5000000000}");

        reader().queryParam("sku", sku).get("/api/v1/pricing").then().statusCode(200)
                .body("data[0].startingPrice", equalTo(5000000000L));
        reader().get("/api/v1/pricing/-dump").then().statusCode(200);
    }

    @Test
    void followsAnArticlesPriceChange() {
        String sku = article("\"purPrice\": {\"eur\": 100}, \"srpPrice\": {\"eur\": 120}");

        given().auth().oauth2(vendorAdmin).contentType("application/json")
                .body("{\"srpPrice\": {\"eur\": 130, \"sek\": 1400}, \"endDate\": \"2028-01-01\"}")
                .patch("/api/v1/articles/" + sku).then().statusCode(200);

        reader().queryParam("sku", sku).queryParam("priceList", "SRP").queryParam("sort", "currency")
                .get("/api/v1/pricing").then().statusCode(200)
                .body("data.currency", contains("eur", "sek"))
                .body("data.startingPrice", contains(130, 1400))
                .body("data.endDate", everyItem(equalTo("2028-01-01")));
    }

    @Test
    void separatesPlanPricesFromSkuPricesByKind() {
        String sku = article("\"purPrice\": {\"usd\": 7}");
        String planId = create(vendorAdmin, planBody("Kinds " + UUID.randomUUID()));
        publish(vendorAdmin, planId);

        reader().queryParam("kind", "PLAN").queryParam("sku", sku).get("/api/v1/pricing").then().statusCode(200)
                .body("data", empty());
        reader().queryParam("kind", "SKU").queryParam("planId", planId).get("/api/v1/pricing").then().statusCode(200)
                .body("data", empty());
        reader().queryParam("planId", planId).get("/api/v1/pricing").then().statusCode(200)
                .body("data.kind", everyItem(equalTo("PLAN")))
                .body("data.sku", everyItem(nullValue()))
                .body("data.priceList", everyItem(nullValue()))
                .body("data.planVersion", everyItem(equalTo(1)));
        reader().queryParam("filter", "$eq(sku,'" + sku + "')-or-$eq(planId,'" + planId + "')")
                .queryParam("sort", "kind").get("/api/v1/pricing").then().statusCode(200)
                .body("data.kind", contains("PLAN", "PLAN", "SKU"));
        reader().queryParam("kind", "BUNDLE").get("/api/v1/pricing").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        reader().queryParam("startDate[gte]", "2026-13-01").get("/api/v1/pricing").then().statusCode(400)
                .body("errors[0].field", equalTo("startDate"));
    }

    @Test
    void dumpsSkuPricesBesidePlanPrices() {
        String sku = article("\"purPrice\": {\"eur\": 1, \"dkk\": 7.46}");
        String planId = create(vendorAdmin, planBody("Dumped " + UUID.randomUUID()));
        publish(vendorAdmin, planId);

        List<java.util.Map<String, Object>> dump = reader().get("/api/v1/pricing/-dump").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(dump).extracting(row -> row.get("id")).doesNotHaveDuplicates();
        assertThat(dump).filteredOn(row -> sku.equals(row.get("sku"))).extracting(row -> row.get("currency"))
                .containsExactlyInAnyOrder("eur", "dkk");
        assertThat(dump).filteredOn(row -> planId.equals(row.get("planId"))).hasSize(2);
    }

    @Test
    void showsSkuPricesToEveryRoleThatReadsTheCatalogue() {
        String sku = article("\"purPrice\": {\"eur\": 55}");
        AuthorizationMatrix.get("/api/v1/pricing?sku=" + sku)
                .requiring(Scopes.READ_CATALOG).exposingToEveryone(sku)
                .callersFrom(organizations.callers()).verify();
        AuthorizationMatrix.get("/api/v1/pricing/-dump")
                .requiring(Scopes.READ_CATALOG).exposingToEveryone(sku)
                .callersFrom(organizations.callers()).verify();
        reader().queryParam("sku", sku).get("/api/v1/pricing").then().statusCode(200)
                .body("data.id", containsInAnyOrder(org.hamcrest.Matchers.startsWith("art_")));
    }
}
