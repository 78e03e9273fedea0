package dev.mercato.catalog.plan;

import static dev.mercato.catalog.plan.PlanFixtures.create;
import static dev.mercato.catalog.plan.PlanFixtures.planBody;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.testkit.TestMarketplace;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** Every kind of bad plan input is a 400 naming the field, and nothing is stored. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanValidationTest {

    private TestMarketplace organizations;
    private String vendorAdmin;

    @BeforeAll
    void organizations() {
        organizations = TestMarketplace.published();
        vendorAdmin = TestTokens.forRole(Role.VENDOR_ADMIN, organizations.vendor);
    }

    /** One recurring price with the given strategy, ranges and extra fields. */
    private static String price(String category, String strategy, String ranges, String extra) {
        return "[{\"costTypeCategory\": \"%s\", \"pricingStrategy\": \"%s\", \"priceRanges\": %s%s}]"
                .formatted(category, strategy, ranges, extra.isEmpty() ? "" : ", " + extra);
    }

    private void assertRefused(String currency, String definitions, String extra, String field) {
        String name = "Refused " + UUID.randomUUID();
        given().auth().oauth2(vendorAdmin).contentType("application/json")
                .body(planBody(name, currency, definitions, extra))
                .post("/api/v1/plans").then().statusCode(400)
                .body("code", equalTo(400))
                .body("errors[0].field", equalTo(field));
        assertThat(TestSql.number("select count(*) from plan where name = ?", name)).isZero();
    }

    private void assertRefused(String definitions, String field) {
        assertRefused("USD", definitions, "", field);
    }

    @Test
    void refusesAnUnknownCurrency() {
        assertRefused("XYZ", PlanFixtures.SEAT_AND_SETUP, "", "currency");
        assertRefused("dollars", PlanFixtures.SEAT_AND_SETUP, "", "currency");
    }

    @Test
    void refusesNegativeAndAbsurdPrices() {
        assertRefused(price("RECURRING", "UNIT", "[{\"min\": 0, \"salePrice\": -1}]", ""),
                "priceDefinitions[0].priceRanges[0].salePrice");
        assertRefused(price("RECURRING", "UNIT", "[{\"min\": 0, \"salePrice\": 10000000000}]", ""),
                "priceDefinitions[0].priceRanges[0].salePrice");
        assertRefused(price("RECURRING", "UNIT", "[{\"min\": 0, \"salePrice\": 1, \"wholeSalePrice\": -0.5}]", ""),
                "priceDefinitions[0].priceRanges[0].wholeSalePrice");
        assertRefused(price("RECURRING", "UNIT", "[{\"min\": 0, \"salePrice\": \"0.000000000001\"}]", ""),
                "priceDefinitions[0].priceRanges[0].salePrice");
    }

    @Test
    void refusesOverlappingOrGappedRanges() {
        assertRefused(price("RECURRING", "TIERED",
                "[{\"min\": 0, \"max\": 10, \"salePrice\": 5}, {\"min\": 9, \"salePrice\": 4}]", ""),
                "priceDefinitions[0].priceRanges[1].min");
        assertRefused(price("RECURRING", "VOLUME",
                "[{\"min\": 0, \"max\": 10, \"salePrice\": 5}, {\"min\": 11, \"salePrice\": 4}]", ""),
                "priceDefinitions[0].priceRanges[1].min");
        assertRefused(price("RECURRING", "TIERED",
                "[{\"min\": 0, \"salePrice\": 5}, {\"min\": 10, \"salePrice\": 4}]", ""),
                "priceDefinitions[0].priceRanges[0].max");
    }

    @Test
    void refusesARangeWhoseMaxIsBelowItsMin() {
        assertRefused(price("RECURRING", "TIERED",
                "[{\"min\": 0, \"max\": 10, \"salePrice\": 5}, {\"min\": 10, \"max\": 5, \"salePrice\": 4}]", ""),
                "priceDefinitions[0].priceRanges[1].max");
    }

    @Test
    void refusesAnIncrementThatIsNotAboveZero() {
        assertRefused(price("RECURRING", "UNIT", "[{\"min\": 0, \"salePrice\": 5}]", "\"increment\": 0"),
                "priceDefinitions[0].increment");
        assertRefused(price("RECURRING", "UNIT", "[{\"min\": 0, \"salePrice\": 5}]", "\"increment\": -5"),
                "priceDefinitions[0].increment");
    }

    @Test
    void refusesAUsagePriceWithoutADimension() {
        assertRefused(price("USAGE", "UNIT", "[{\"min\": 0, \"salePrice\": 0.01}]", ""),
                "priceDefinitions[0].listingId");
        assertRefused(price("USAGE", "UNIT", "[{\"min\": 0, \"salePrice\": 0.01}]",
                "\"listingId\": \"lst_01jd3v6m0k8p7x2n4q5r6s7t8w\""), "priceDefinitions[0].dimensionKey");
        assertRefused(price("USAGE", "UNIT", "[{\"min\": 0, \"salePrice\": 0.01}]",
                "\"listingId\": \"not a listing\", \"dimensionKey\": \"api_calls\""), "priceDefinitions[0].listingId");
        assertRefused(price("ONE_TIME", "FLAT", "[{\"min\": 0, \"salePrice\": 1}]", "\"dimensionKey\": \"api_calls\""),
                "priceDefinitions[0].dimensionKey");
    }

    @Test
    void refusesAUsagePriceOfAnUnknownListingOrDimension() {
        String listingId = PlanFixtures.listing(vendorAdmin, organizations.vendor);
        assertRefused(PlanFixtures.usage(listingId, "seats"), "priceDefinitions[0].dimensionKey");
        assertRefused(PlanFixtures.usage("lst_01jd3v6m0k8p7x2n4q5r6s7t8w", "api_calls"), "priceDefinitions[0].listingId");
        String othersListing = PlanFixtures.listing(TestTokens.forRole(Role.VENDOR_ADMIN, organizations.otherVendor),
                organizations.otherVendor);
        assertRefused(PlanFixtures.usage(othersListing, "api_calls"), "priceDefinitions[0].listingId");
        assertRefused("USD", PlanFixtures.SEAT_AND_SETUP, "\"listingId\": \"" + othersListing + "\"", "listingId");
    }

    @Test
    void refusesARecurringPriceWithoutAPeriod() {
        String name = "No period " + UUID.randomUUID();
        given().auth().oauth2(vendorAdmin).contentType("application/json")
                .body("{\"name\": \"" + name + "\", \"currency\": \"usd\", \"priceDefinitions\": "
                        + PlanFixtures.SEAT_AND_SETUP + "}")
                .post("/api/v1/plans").then().statusCode(400).body("errors[0].field", equalTo("pricingPeriod"));
        assertThat(TestSql.number("select count(*) from plan where name = ?", name)).isZero();
    }

    @Test
    void refusesQuantitiesTooFineToStoreInsteadOfFailing() {
        // 1e-999999 is above 0 and below every bound, but no numeric column holds its million decimals
        assertRefused(price("RECURRING", "TIERED", "[{\"min\": 0, \"max\": 1e-999999, \"salePrice\": 5}, {\"min\": 1e-999999, \"salePrice\": 4}]",
                "\"unitAllowsDecimals\": true"), "priceDefinitions[0].priceRanges[0].max");
        assertRefused(price("RECURRING", "PACKAGE", "[{\"min\": 0, \"salePrice\": 25}]", "\"packageSize\": 1e-999999"),
                "priceDefinitions[0].packageSize");
        assertRefused(price("RECURRING", "UNIT", "[{\"min\": 0, \"salePrice\": 5}]",
                "\"unitAllowsDecimals\": true, \"increment\": 1e-999999"), "priceDefinitions[0].increment");
    }

    @Test
    void refusesAFlatAmountWhereTheStrategyHasNoTiersAndAPackageWithoutSize() {
        assertRefused(price("RECURRING", "UNIT", "[{\"min\": 0, \"salePrice\": 5, \"flatAmount\": 10}]", ""),
                "priceDefinitions[0].priceRanges[0].flatAmount");
        assertRefused(price("RECURRING", "PACKAGE", "[{\"min\": 0, \"salePrice\": 25}]", ""),
                "priceDefinitions[0].packageSize");
        assertRefused(price("RECURRING", "FLAT", "[{\"min\": 0, \"max\": 1, \"salePrice\": 5}, {\"min\": 1, \"salePrice\": 4}]", ""),
                "priceDefinitions[0].priceRanges");
    }

    @Test
    void refusesUnknownEnumsAndFields() {
        assertRefused(price("SOMETIMES", "UNIT", "[{\"min\": 0, \"salePrice\": 5}]", ""),
                "priceDefinitions[0].costTypeCategory");
        assertRefused(price("RECURRING", "UNIT", "[{\"min\": 0, \"salePrice\": 5, \"discount\": 1}]", ""),
                "priceDefinitions[0].priceRanges[0].discount");
    }

    @Test
    void leavesTheDraftAsItWasAfterABadEdit() {
        String id = create(vendorAdmin, planBody("Kept"));
        given().auth().oauth2(vendorAdmin).contentType("application/json")
                .body("{\"name\": \"Changed\", \"priceDefinitions\": "
                        + price("RECURRING", "TIERED", "[{\"min\": 0, \"max\": 10, \"salePrice\": 5}, {\"min\": 12, \"salePrice\": 4}]", "")
                        + "}")
                .patch("/api/v1/plans/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("priceDefinitions[0].priceRanges[1].min"));
        given().auth().oauth2(vendorAdmin).contentType("application/json").body("{\"currency\": \"zzz\"}")
                .patch("/api/v1/plans/" + id).then().statusCode(400).body("errors[0].field", equalTo("currency"));
        assertThat(TestSql.number("select count(*) from plan where id = ? and name = 'Kept'", id)).isEqualTo(1);
        assertThat(TestSql.number("select count(*) from plan_price where plan_id = ? and pricing_strategy = 'UNIT'"
                + " and currency = 'usd'", id)).isEqualTo(1);
    }
}
