package dev.mercato.catalog.hostile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.testkit.TestMarketplace;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.HostileRequests;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Input crafted to break catalog-service — mutated bodies of every write, odd ids, queries and headers,
 * and numbers and dates at the edges of what their types hold — is answered with a 4xx (or a success),
 * never a 5xx, for the platform operator and for a vendor alike.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private TestMarketplace organizations;
    private String platformAdmin;
    private String vendorAdmin;
    private String suffix;
    private String sku;
    private String rateId;
    private String listingId;
    private String planId;
    private String draftPlanId;
    private String discountId;
    private String draftOfferId;
    private String sentOfferId;

    @BeforeAll
    void organizations() {
        organizations = TestMarketplace.published();
        platformAdmin = token(Role.PLATFORM_ADMIN, organizations.platform);
        vendorAdmin = token(Role.VENDOR_ADMIN, organizations.vendor);
    }

    /** Once, in the first test: RestAssured knows the port only when a test runs. */
    @BeforeEach
    void catalogue() {
        if (sentOfferId != null) {
            return;
        }
        suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        sku = "H-" + suffix;
        post(vendorAdmin, "/api/v1/articles", articleBody(sku));
        rateId = post(platformAdmin, "/api/v1/exchange-rates",
                "{\"baseCurrency\": \"isk\", \"counterCurrency\": \"czk\", \"rate\": \"0.17\", \"validFrom\": \"2026-01-01\"}");
        listingId = post(vendorAdmin, "/api/v1/listings", listingBody());
        planId = post(vendorAdmin, "/api/v1/plans", planBody());
        given().auth().oauth2(vendorAdmin).post("/api/v1/plans/" + planId + "/publish").then().statusCode(200);
        draftPlanId = post(vendorAdmin, "/api/v1/plans", planBody());
        discountId = post(vendorAdmin, "/api/v1/discounts", discountBody("HOSTILE-" + suffix));
        draftOfferId = post(vendorAdmin, "/api/v1/private-offers", offerBody());
        sentOfferId = post(vendorAdmin, "/api/v1/private-offers", offerBody());
        given().auth().oauth2(vendorAdmin).post("/api/v1/private-offers/" + sentOfferId + "/send").then().statusCode(200);
        // the bodies the requests mutate are valid as they stand
        accepted("POST", "/api/v1/pricing/quote", quoteBody(), 200);
        accepted("PATCH", "/api/v1/discounts/" + discountId, discountPatch(), 200);
        accepted("PATCH", "/api/v1/private-offers/" + draftOfferId, offerPatch(), 200);
        accepted("PATCH", "/api/v1/articles/" + sku, articlePatch(), 200);
    }

    @Test
    void answersNoMalformedRequestToAnyEndpointWithAServerError() throws Exception {
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        for (String token : List.of(platformAdmin, vendorAdmin)) {
            HostileRequests.Tally tally = endpoints(new HostileRequests(RestAssured.port,
                    token.equals(platformAdmin) ? 20_261_201L : 20_261_202L, () -> token)).send(1500);
            tally.byStatus().forEach((status, count) -> statuses.merge(status, count, Integer::sum));
            serverErrors.addAll(tally.serverErrors());
        }
        System.out.println("malformed requests to catalog-service: statuses " + statuses);
        assertThat(serverErrors).isEmpty();
    }

    @Test
    void answersNumbersAndDatesAtTheEdgesOfTheirTypesWithoutAServerError() {
        List<String> serverErrors = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (String[] request : edgeCases()) {
            for (String token : List.of(platformAdmin, vendorAdmin)) {
                Response response = given().urlEncodingEnabled(false).auth().oauth2(token)
                        .contentType("application/json").body(request[2] == null ? "" : request[2])
                        .request(request[0], request[1].replace(" ", "%20"));
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() >= 500) {
                    serverErrors.add(String.join(" ", request) + " → " + response.statusCode() + " " + response.asString());
                }
            }
        }
        System.out.println("edge-case requests to catalog-service: statuses " + statuses);
        assertThat(serverErrors).isEmpty();
    }

    @Test
    void refusesAWholeNumberFilterBeyondItsColumnWith400NamingIt() {
        for (String list : List.of("pricing?planVersion", "plans?publishedVersion[gte]", "articles?contractTerm",
                "articles?packSize[lt]", "discounts?maxRedemptions", "private-offers?duration[gt]")) {
            String field = list.substring(list.indexOf('?') + 1).replaceAll("\\[.*", "");
            for (String value : List.of("2147483648", "-2147483649", "9223372036854775807")) {
                given().urlEncodingEnabled(false).auth().oauth2(platformAdmin).get("/api/v1/" + list + "=" + value)
                        .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo(field));
            }
        }
        given().auth().oauth2(platformAdmin).queryParam("filter", "$gt(planVersion,2147483648)").get("/api/v1/pricing")
                .then().statusCode(400);
        given().auth().oauth2(platformAdmin).queryParam("planVersion[lte]", "2147483647").get("/api/v1/pricing")
                .then().statusCode(200);
    }

    private HostileRequests endpoints(HostileRequests requests) {
        String articles = "/api/v1/articles";
        String rates = "/api/v1/exchange-rates";
        String listings = "/api/v1/listings";
        String plans = "/api/v1/plans";
        String discounts = "/api/v1/discounts";
        String offers = "/api/v1/private-offers";
        return requests
                .endpoint("POST", articles, articleBody("HA-" + suffix))
                .endpoint("GET", articles, null)
                .endpoint("GET", articles + "?orderableOn=2026-06-01&sort=-sku", null)
                .endpoint("GET", articles + "/-dump", null)
                .endpoint("GET", articles + "/{sku}", null)
                .endpoint("GET", articles + "/" + sku, null)
                .endpoint("PATCH", articles + "/" + sku, articlePatch())
                .endpoint("PATCH", articles + "/{sku}", articlePatch())
                .endpoint("POST", rates, "{\"baseCurrency\": \"isk\", \"counterCurrency\": \"huf\", \"rate\": 2.6, \"validFrom\": \"2026-02-01\"}")
                .endpoint("GET", rates, null)
                .endpoint("GET", rates + "/-dump", null)
                .endpoint("GET", rates + "/convert?from=isk&to=czk&amount=10.5&on=2026-06-01", null)
                .endpoint("GET", rates + "/{id}", null)
                .endpoint("GET", rates + "/" + rateId, null)
                .endpoint("POST", rates + "/{id}/deactivate", null)
                .endpoint("POST", listings, listingBody())
                .endpoint("GET", listings, null)
                .endpoint("GET", listings + "/-dump", null)
                .endpoint("GET", listings + "/" + listingId, null)
                .endpoint("PATCH", listings + "/" + listingId, "{\"name\": \"Log analytics\", \"description\": \"Logs\", \"productCode\": \"p-1\", \"status\": \"ACTIVE\"}")
                .endpoint("PATCH", listings + "/{id}", "{\"name\": \"Log analytics\"}")
                .endpoint("POST", listings + "/" + listingId + "/dimensions",
                        "{\"key\": \"events\", \"title\": \"Events\", \"unit\": \"event\", \"pricePerUnit\": 0.0001, \"decimals\": 0, \"description\": \"x\"}")
                .endpoint("PATCH", listings + "/" + listingId + "/dimensions/api_calls",
                        "{\"title\": \"API calls\", \"pricePerUnit\": 0.002, \"description\": \"Calls\"}")
                .endpoint("PATCH", listings + "/{id}/dimensions/{key}", "{\"title\": \"API calls\"}")
                .endpoint("POST", listings + "/{id}/dimensions/{key}/retire", null)
                .endpoint("POST", plans, planBody())
                .endpoint("GET", plans, null)
                .endpoint("GET", plans + "/-dump", null)
                .endpoint("GET", plans + "/" + planId, null)
                .endpoint("GET", plans + "/" + planId + "/versions/1", null)
                .endpoint("GET", plans + "/{id}/versions/{n}", null)
                .endpoint("PATCH", plans + "/" + draftPlanId, planBody())
                .endpoint("POST", plans + "/{id}/publish", null)
                .endpoint("POST", plans + "/{id}/versions", null)
                .endpoint("GET", "/api/v1/pricing", null)
                .endpoint("GET", "/api/v1/pricing?currency=usd&sort=-createdAt", null)
                .endpoint("GET", "/api/v1/pricing/-dump", null)
                .endpoint("POST", "/api/v1/pricing/quote", quoteBody())
                .endpoint("POST", discounts, discountBody("HOSTILE-" + suffix + "-2"))
                .endpoint("GET", discounts, null)
                .endpoint("GET", discounts + "/-dump", null)
                .endpoint("GET", discounts + "/" + discountId, null)
                .endpoint("PATCH", discounts + "/" + discountId, discountPatch())
                .endpoint("PATCH", discounts + "/{id}", discountPatch())
                .endpoint("POST", discounts + "/" + discountId + "/redemptions",
                        "{\"customerId\": \"" + organizations.tenant.id() + "\", \"units\": 5, \"reference\": \"ord_1\", \"code\": \"HOSTILE-" + suffix + "\"}")
                .endpoint("POST", offers, offerBody())
                .endpoint("GET", offers, null)
                .endpoint("GET", offers + "/-dump", null)
                .endpoint("GET", offers + "/" + sentOfferId, null)
                .endpoint("PATCH", offers + "/" + draftOfferId, offerPatch())
                .endpoint("PATCH", offers + "/{id}", offerPatch())
                .endpoint("POST", offers + "/{id}/send", null)
                .endpoint("POST", offers + "/{id}/accept", null)
                .endpoint("POST", offers + "/{id}/decline", null)
                .endpoint("POST", offers + "/{id}/cancel", null);
    }

    /** Requests whose JSON is well formed but whose numbers, dates, codes or enums lie at or past the edges. */
    private List<String[]> edgeCases() {
        List<String[]> cases = new ArrayList<>();
        String[] numbers = { "1e999999", "-1e999999", "1e-999999", "-1", "-0", "0", "1e308", "123456789012345678901234567890",
            "0.00000000000000000000000000001", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e999999\"", "\"0x10\"",
            "9223372036854775808", "2147483648", "-2147483649", "\"\"", "\" 1 \"" };
        String[] dates = { "\"0000-01-01\"", "\"0001-01-01\"", "\"9999-12-31\"", "\"+10000-01-01\"", "\"-0001-01-01\"",
            "\"2026-02-30\"", "\"2026-13-01\"", "\"\"", "\"2026-1-1\"", "\"99999999-01-01\"" };
        String[] instants = { "\"0000-01-01T00:00:00Z\"", "\"9999-12-31T23:59:59Z\"", "\"+1000000000-01-01T00:00:00Z\"",
            "\"-1000000000-01-01T00:00:00Z\"", "\"2026-12-01T10:00:00+25:00\"", "\"2026-12-01\"", "1e999999", "-9223372036854775808" };
        String longCode = "\"" + "A".repeat(5000) + "\"";
        String[] codes = { longCode, "\"ZZZ\"", "\"zz\"", "\"EURO\"", "\"\"", "\"e\u0301ur\"", "\"ÉUR\"", "\"XXX\"", "\"xts\"" };
        String[] enums = { "\"SOMETHING\"", "\"monthly\"", "\"\"", "\"unit\"", "\"Unit\"" };

        for (String number : numbers) {
            cases.add(post("/api/v1/articles", articleBody("HN-" + shortId()).replace("\"eur\": 100", "\"eur\": " + number)));
            cases.add(post("/api/v1/articles", articleBody("HN-" + shortId()).replace("\"packSize\": 1", "\"packSize\": " + number)));
            cases.add(post("/api/v1/articles", articleBody("HN-" + shortId()).replace("\"contractTerm\": 12", "\"contractTerm\": " + number)));
            cases.add(post("/api/v1/exchange-rates", "{\"baseCurrency\": \"isk\", \"counterCurrency\": \"ron\", \"rate\": " + number + "}"));
            cases.add(new String[] { "GET", "/api/v1/exchange-rates/convert?from=isk&to=czk&amount=" + number.replace("\"", "") + "&on=2026-06-01", null });
            cases.add(post("/api/v1/listings", listingBody().replace("0.001", number)));
            cases.add(post("/api/v1/listings", listingBody().replace("\"decimals\": 3", "\"decimals\": " + number)));
            cases.add(post("/api/v1/listings/" + listingId + "/dimensions",
                    "{\"key\": \"k" + shortId().toLowerCase() + "\", \"title\": \"T\", \"unit\": \"u\", \"pricePerUnit\": " + number + "}"));
            for (String field : List.of("\"min\": 0", "\"max\": 50", "\"salePrice\": \"4.00\"", "\"increment\": 5")) {
                String replaced = field.substring(0, field.indexOf(':') + 1) + " " + number;
                cases.add(post("/api/v1/plans", planBody().replace(field, replaced)));
            }
            cases.add(post("/api/v1/plans", planBody().replace("\"freeTrialDuration\": 1", "\"freeTrialDuration\": " + number)));
            cases.add(post("/api/v1/plans", planBody().replace("\"pricingStrategy\": \"UNIT\"", "\"pricingStrategy\": \"PACKAGE\", \"packageSize\": " + number)));
            cases.add(post("/api/v1/pricing/quote", quoteBody().replace("\"quantity\": 3", "\"quantity\": " + number)));
            cases.add(post("/api/v1/pricing/quote", quoteBody().replace("\"quantity\": 5", "\"quantity\": " + number)));
            cases.add(post("/api/v1/pricing/quote", quoteBody().replace("\"version\": 1", "\"version\": " + number)));
            cases.add(post("/api/v1/pricing/quote", quoteBody().replace("\"api_calls\": 1000", "\"api_calls\": " + number)));
            for (String field : List.of("\"percentage\": 10", "\"minUnits\": 1", "\"maxUnits\": 100", "\"maxRedemptions\": 100",
                    "\"billingCycles\": 12", "\"partnerSharePercentage\": 10")) {
                String replaced = field.substring(0, field.indexOf(':') + 1) + " " + number;
                cases.add(post("/api/v1/discounts", discountBody("HN-" + shortId()).replace(field, replaced)));
                cases.add(new String[] { "PATCH", "/api/v1/discounts/" + discountId, "{" + replaced + "}" });
            }
            cases.add(post("/api/v1/discounts", "{\"type\": \"FIXED_PRICE\", \"price\": " + number
                    + ", \"currency\": \"eur\", \"code\": \"HN-" + shortId() + "\", \"description\": \"Fixed off\"}"));
            cases.add(new String[] { "PATCH", "/api/v1/discounts/" + discountId, "{\"version\": " + number + "}" });
            cases.add(post("/api/v1/discounts/" + discountId + "/redemptions",
                    "{\"customerId\": \"" + organizations.tenant.id() + "\", \"units\": " + number + "}"));
            cases.add(post("/api/v1/private-offers", offerBody().replace("\"discountPercentage\": 20", "\"discountPercentage\": " + number)));
            cases.add(post("/api/v1/private-offers", offerBody().replace("\"duration\": 12", "\"duration\": " + number)));
            cases.add(new String[] { "PATCH", "/api/v1/articles/" + sku, "{\"version\": " + number + "}" });
            for (String list : List.of("articles", "exchange-rates", "listings", "plans", "pricing", "discounts", "private-offers")) {
                String value = number.replace("\"", "");
                cases.add(new String[] { "GET", "/api/v1/" + list + "?limit=" + value + "&page=" + value, null });
                cases.add(new String[] { "GET", "/api/v1/" + list + "?offset=" + value, null });
            }
            cases.add(new String[] { "GET", "/api/v1/plans/" + planId + "/versions/" + number.replace("\"", ""), null });
            cases.add(new String[] { "GET", "/api/v1/pricing?planVersion[gte]=" + number.replace("\"", ""), null });
            cases.add(new String[] { "GET", "/api/v1/discounts?redemptions[gt]=" + number.replace("\"", ""), null });
            cases.add(new String[] { "GET", "/api/v1/articles?contractTerm=" + number.replace("\"", ""), null });
        }
        for (String date : dates) {
            cases.add(post("/api/v1/articles", articleBody("HD-" + shortId()).replace("\"2026-01-01\"", date)));
            cases.add(post("/api/v1/articles", articleBody("HD-" + shortId()).replace("\"2099-12-31\"", date)));
            cases.add(new String[] { "PATCH", "/api/v1/articles/" + sku, "{\"endDate\": " + date + "}" });
            cases.add(new String[] { "GET", "/api/v1/articles?orderableOn=" + date.replace("\"", ""), null });
            cases.add(post("/api/v1/exchange-rates", "{\"baseCurrency\": \"isk\", \"counterCurrency\": \"thb\", \"rate\": 0.25, \"validFrom\": " + date + "}"));
            cases.add(new String[] { "GET", "/api/v1/exchange-rates/convert?from=isk&to=czk&amount=1&on=" + date.replace("\"", ""), null });
            cases.add(post("/api/v1/pricing/quote", quoteBody().replace("\"2026-06-01\"", date)));
            cases.add(post("/api/v1/discounts", discountBody("HD-" + shortId()).replace("\"2099-01-01\"", date)));
            cases.add(post("/api/v1/discounts", discountBody("HD-" + shortId()).replace("\"2026-01-01\"", date)));
            cases.add(new String[] { "PATCH", "/api/v1/discounts/" + discountId, "{\"expirationDate\": " + date + "}" });
            cases.add(new String[] { "PATCH", "/api/v1/discounts/" + discountId, "{\"startDate\": " + date + "}" });
            for (String list : List.of("articles?startDate[gte]=", "exchange-rates?validFrom[lt]=", "discounts?expirationDate[gte]=",
                    "pricing?createdAt[gte]=", "private-offers?expiresAt[lte]=", "plans?createdAt[gt]=")) {
                cases.add(new String[] { "GET", "/api/v1/" + list + date.replace("\"", ""), null });
            }
        }
        for (String instant : instants) {
            cases.add(post("/api/v1/private-offers", offerBody().replace("}, \"title\"", "}, \"expiresAt\": " + instant + ", \"title\"")));
            cases.add(new String[] { "PATCH", "/api/v1/private-offers/" + draftOfferId, "{\"expiresAt\": " + instant + "}" });
        }
        for (String code : codes) {
            cases.add(post("/api/v1/articles", articleBody("HC-" + shortId()).replace("\"eur\": 100", code + ": 100")));
            cases.add(post("/api/v1/exchange-rates", "{\"baseCurrency\": " + code + ", \"counterCurrency\": \"isk\", \"rate\": 1.1}"));
            cases.add(new String[] { "GET", "/api/v1/exchange-rates/convert?from=" + code.replace("\"", "") + "&to=isk&amount=1", null });
            cases.add(post("/api/v1/listings", listingBody().replace("\"EUR\"", code)));
            cases.add(post("/api/v1/plans", planBody().replace("\"usd\"", code)));
            cases.add(new String[] { "PATCH", "/api/v1/plans/" + draftPlanId, "{\"currency\": " + code + "}" });
            cases.add(post("/api/v1/pricing/quote", quoteBody().replace("\"usd\"", code)));
            cases.add(post("/api/v1/pricing/quote", quoteBody().replace("\"sku\": \"" + sku + "\"", "\"sku\": " + code)));
            cases.add(post("/api/v1/pricing/quote", quoteBody().replace("\"planId\": \"" + planId + "\"", "\"planId\": " + code)));
            cases.add(post("/api/v1/pricing/quote", quoteBody().replace("}]}", "}], \"discountCode\": " + code + "}")));
            cases.add(post("/api/v1/discounts", "{\"type\": \"FIXED_PRICE\", \"price\": 5, \"currency\": " + code
                    + ", \"code\": \"HC-" + shortId() + "\", \"description\": \"Fixed off\"}"));
            cases.add(post("/api/v1/discounts", discountBody("HC-" + shortId()).replace("\"articleSkus\": []", "\"articleSkus\": [" + code + "]")));
            cases.add(post("/api/v1/discounts", discountBody(code.replace("\"", ""))));
            cases.add(new String[] { "GET", "/api/v1/articles/" + code.replace("\"", ""), null });
            cases.add(new String[] { "PATCH", "/api/v1/articles/" + code.replace("\"", ""), "{\"shortDescription\": \"x\"}" });
            cases.add(new String[] { "GET", "/api/v1/pricing?currency=" + code.replace("\"", ""), null });
            cases.add(post("/api/v1/discounts/" + discountId + "/redemptions",
                    "{\"customerId\": " + code + ", \"units\": 5, \"code\": " + code + "}"));
            cases.add(post("/api/v1/private-offers", offerBody().replace("\"" + listingId + "\"", code)));
            cases.add(post("/api/v1/private-offers", offerBody().replace("\"" + organizations.tenant.id() + "\"", code)));
            cases.add(post("/api/v1/listings/" + listingId + "/dimensions", "{\"key\": " + code.toLowerCase()
                    + ", \"title\": \"T\", \"unit\": \"u\", \"pricePerUnit\": 1}"));
        }
        for (String value : enums) {
            cases.add(post("/api/v1/articles", articleBody("HE-" + shortId()).replace("\"INITIAL\"", value)));
            cases.add(post("/api/v1/articles", articleBody("HE-" + shortId()).replace("\"MULTI_USER\"", value)));
            cases.add(post("/api/v1/plans", planBody().replace("\"MONTHLY\"", value)));
            cases.add(post("/api/v1/plans", planBody().replace("\"UNIT\"", value)));
            cases.add(post("/api/v1/plans", planBody().replace("\"RECURRING\"", value)));
            cases.add(post("/api/v1/plans", planBody().replace("\"MONTH\"", value)));
            cases.add(post("/api/v1/discounts", discountBody("HE-" + shortId()).replace("\"PERCENTAGE\"", value)));
            cases.add(post("/api/v1/discounts", discountBody("HE-" + shortId()).replace("\"NONE\"", value)));
            cases.add(post("/api/v1/pricing/quote", quoteBody().replace("\"PUR\"", value)));
            cases.add(post("/api/v1/pricing/quote", quoteBody().replace("\"INITIAL\"", value)));
            cases.add(new String[] { "PATCH", "/api/v1/listings/" + listingId, "{\"status\": " + value + "}" });
            cases.add(new String[] { "GET", "/api/v1/pricing?pricingStrategy=" + value.replace("\"", ""), null });
            cases.add(new String[] { "GET", "/api/v1/private-offers?status=" + value.replace("\"", ""), null });
        }
        for (String empty : List.of("[]", "[null]", "{}", "null", "[\"\"]", "[[]]")) {
            cases.add(post("/api/v1/articles", articleBody("HA-" + shortId()).replace("[\"INITIAL\", \"RENEWAL\"]", empty)));
            cases.add(post("/api/v1/articles", articleBody("HA-" + shortId()).replace("{\"eur\": 100, \"usd\": 110.5}", empty)));
            cases.add(post("/api/v1/articles", articleBody("HA-" + shortId()).replace("\"links\": []", "\"links\": " + empty)));
            cases.add(post("/api/v1/listings", listingBody().replace("\"dimensions\": [", "\"dimensions\": " + empty + ", \"x\": [")));
            cases.add(post("/api/v1/plans", planBody().replace("\"priceRanges\": [{\"min\": 0, \"max\": 50, \"salePrice\": \"4.00\", \"wholeSalePrice\": \"3.20\"}]",
                    "\"priceRanges\": " + empty)));
            cases.add(post("/api/v1/pricing/quote", quoteBody().replace("\"usage\": {\"api_calls\": 1000}", "\"usage\": " + empty)));
            cases.add(post("/api/v1/pricing/quote", "{\"currency\": \"eur\", \"items\": " + empty + "}"));
            cases.add(post("/api/v1/discounts", discountBody("HA-" + shortId()).replace("\"planIds\": []", "\"planIds\": " + empty)));
            cases.add(new String[] { "PATCH", "/api/v1/discounts/" + discountId, "{\"listingIds\": " + empty + "}" });
            cases.add(new String[] { "PATCH", "/api/v1/plans/" + draftPlanId, "{\"priceDefinitions\": " + empty + "}" });
        }
        cases.add(post("/api/v1/articles", articleBody("S" + "K".repeat(34))));
        cases.add(post("/api/v1/articles", articleBody("S" + "K".repeat(35))));
        cases.add(post("/api/v1/articles", articleBody("S" + "K".repeat(100_000))));
        cases.add(new String[] { "GET", "/api/v1/articles/" + "K".repeat(10_000), null });
        cases.add(new String[] { "GET", "/api/v1/plans/" + "p".repeat(10_000) + "/versions/1", null });
        cases.add(post("/api/v1/pricing/quote", quoteBody().replace(sku, "K".repeat(36))));
        return cases;
    }

    private static String[] post(String path, String body) {
        return new String[] { "POST", path, body };
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private String articleBody(String newSku) {
        return """
                {"sku": "%s", "shortDescription": "Hostile edition", "deployment": "MULTI_USER", "contractTerm": 12, "packSize": 1,
                 "supportedOrderTypes": ["INITIAL", "RENEWAL"], "links": [], "startDate": "2026-01-01", "endDate": "2099-12-31",
                 "purPrice": {"eur": 100, "usd": 110.5}, "srpPrice": {"eur": 120}}""".formatted(newSku);
    }

    private static String articlePatch() {
        return """
                {"shortDescription": "Hostile edition 2", "packSize": 5, "supportedOrderTypes": ["INITIAL"],
                 "endDate": "2099-12-31", "srpPrice": {"eur": 125, "sek": 1400}}""";
    }

    private static String listingBody() {
        return """
                {"vendor": "aws", "name": "Log analytics", "description": "Logs", "productCode": "prod-7x2", "currency": "EUR",
                 "dimensions": [{"key": "api_calls", "title": "API calls", "unit": "call", "pricePerUnit": 0.001},
                                {"key": "storage_gb", "title": "Storage", "unit": "GB", "pricePerUnit": 0.25, "decimals": 3}]}""";
    }

    private String planBody() {
        return """
                {"name": "Team", "description": "Team edition", "currency": "usd", "pricingPeriod": "MONTHLY",
                 "freeTrialTerms": {"freeTrialDuration": 1, "freeTrialDurationPeriod": "MONTH", "freeTrialGracePeriod": 10},
                 "priceDefinitions": [
                   {"costTypeCategory": "RECURRING", "pricingStrategy": "UNIT", "unit": "USER",
                    "priceRanges": [{"min": 0, "max": 50, "salePrice": "4.00", "wholeSalePrice": "3.20"}], "increment": 5},
                   {"costTypeCategory": "USAGE", "pricingStrategy": "TIERED", "unit": "CALL", "listingId": "%s", "dimensionKey": "api_calls",
                    "priceRanges": [{"min": 0, "max": 1000, "salePrice": 0.01}, {"min": 1000, "salePrice": 0.005}]}]}"""
                .formatted(listingId);
    }

    private String discountBody(String code) {
        return """
                {"type": "PERCENTAGE", "percentage": 10, "code": "%s", "description": "Ten percent off",
                 "startDate": "2026-01-01", "expirationDate": "2099-01-01", "minUnits": 1, "maxUnits": 100,
                 "maxRedemptions": 100, "billingCycles": 12, "autoApply": false, "retainable": true,
                 "partnerSharePercentage": 10, "basePartnerSharePercentage": 5, "redemptionRestriction": "NONE",
                 "planIds": [], "articleSkus": [], "listingIds": []}""".formatted(code);
    }

    private static String discountPatch() {
        return """
                {"description": "Twelve percent off", "percentage": 12, "maxUnits": 200, "expirationDate": "2098-01-01",
                 "autoApply": false}""";
    }

    private String offerBody() {
        return """
                {"vendor": "aws", "listingId": "%s", "customerId": "%s",
                 "pricing": {"discountPercentage": 20, "duration": 12}, "title": "Launch deal", "notes": "For you"}"""
                .formatted(listingId, organizations.tenant.id());
    }

    private static String offerPatch() {
        return """
                {"pricing": {"discountPercentage": 25.5, "duration": 24}, "title": "Better deal", "notes": "Still for you",
                 "expiresAt": "%s"}""".formatted(Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS));
    }

    private String quoteBody() {
        return """
                {"currency": "usd", "date": "2026-06-01", "priceList": "PUR", "items": [
                  {"sku": "%s", "orderType": "INITIAL", "quantity": 3},
                  {"planId": "%s", "version": 1, "quantity": 5, "usage": {"api_calls": 1000}}]}""".formatted(sku, planId);
    }

    private void accepted(String method, String path, String body, int status) {
        Response response = given().auth().oauth2(vendorAdmin).contentType("application/json").body(body)
                .request(method, path);
        assertThat(response.statusCode()).as(method + " " + path + " " + response.asString()).isEqualTo(status);
    }

    private static String post(String token, String path, String body) {
        Response response = given().auth().oauth2(token).contentType("application/json").body(body).post(path);
        assertThat(response.statusCode()).as(path + " " + response.asString()).isEqualTo(201);
        return response.path("data.id");
    }

    private static String token(Role role, TestOrganization organization) {
        return TestTokens.builder(role, organization.id(), organization.path()).rateLimits(1_000_000, 1_000_000).mint();
    }
}
