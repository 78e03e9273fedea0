package dev.mercato.catalog.plan;

import static io.restassured.RestAssured.given;

import dev.mercato.testkit.TestOrganization;

/** Request bodies and calls the plan tests share. */
final class PlanFixtures {

    /** Users at 4.00 a month in steps of 5 up to 5 users, and a one-time set-up fee of 3.00, in usd. */
    static final String SEAT_AND_SETUP = """
            [{"costTypeCategory": "RECURRING", "pricingStrategy": "UNIT", "unit": "USER",
              "priceRanges": [{"min": 0, "max": 5, "salePrice": "4.0000000000", "wholeSalePrice": null}],
              "unitAllowsDecimals": false, "increment": 5},
             {"costTypeCategory": "ONE_TIME", "pricingStrategy": "FLAT",
              "priceRanges": [{"min": 0, "salePrice": "3.0000000000"}]}]""";

    /** Graduated API calls: the first 1,000 at 0.01, the rest at 0.005, with a 2.00 base for the first range. */
    static final String GRADUATED = """
            [{"costTypeCategory": "RECURRING", "pricingStrategy": "TIERED", "unit": "CALL",
              "priceRanges": [{"min": 0, "max": 1000, "salePrice": 0.01, "flatAmount": 2},
                              {"min": 1000, "salePrice": 0.005, "wholeSalePrice": 0.004}]}]""";

    private PlanFixtures() {
    }

    /** A plan body in {@code currency} with the given price definitions (JSON array) and extra fields. */
    static String planBody(String name, String currency, String definitions, String extra) {
        return """
                {"name": "%s", "description": "Team edition", "currency": "%s", "pricingPeriod": "MONTHLY",
                 "freeTrialTerms": {"freeTrialDuration": 1, "freeTrialDurationPeriod": "MONTH", "freeTrialGracePeriod": 10},
                 "priceDefinitions": %s%s}""".formatted(name, currency, definitions, extra.isEmpty() ? "" : ", " + extra);
    }

    static String planBody(String name) {
        return planBody(name, "USD", SEAT_AND_SETUP, "");
    }

    static String create(String token, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/plans").then().statusCode(201).extract().path("data.id");
    }

    static void publish(String token, String planId) {
        given().auth().oauth2(token).post("/api/v1/plans/" + planId + "/publish").then().statusCode(200);
    }

    /** A listing of {@code vendor} with the dimensions api_calls and storage_gb. */
    static String listing(String token, TestOrganization vendor) {
        return given().auth().oauth2(token).contentType("application/json").body("""
                {"vendor": "aws", "name": "Metered %s", "description": "Log analytics", "productCode": "prod-7x2",
                 "currency": "EUR",
                 "dimensions": [
                   {"key": "api_calls", "title": "API calls", "unit": "call", "pricePerUnit": 0.001},
                   {"key": "storage_gb", "title": "Storage", "unit": "GB-month", "pricePerUnit": 0.25, "decimals": 3}
                 ]}""".formatted(vendor.id()))
                .post("/api/v1/listings").then().statusCode(201).extract().path("data.id");
    }

    /** A USAGE price of {@code listingId}'s dimension {@code key}. */
    static String usage(String listingId, String key) {
        return """
                [{"costTypeCategory": "USAGE", "pricingStrategy": "VOLUME", "unit": "GB",
                  "priceRanges": [{"min": 0, "max": 100, "salePrice": 0.25}, {"min": 100, "salePrice": 0.2}],
                  "unitAllowsDecimals": true, "listingId": "%s", "dimensionKey": "%s"}]""".formatted(listingId, key);
    }
}
