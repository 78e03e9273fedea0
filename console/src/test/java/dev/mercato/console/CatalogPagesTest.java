package dev.mercato.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class CatalogPagesTest {

    private static final String LISTING = "/catalog/listings/lst_01LOGS";
    private static final String OFFERS = "/catalog/private-offers";

    @Test
    void articlesAreFilteredByTheDayTheyCanBeOrderedOn() {
        Browser browser = Browser.signedIn();

        assertThat(browser.get("/catalog").header("Location")).endsWith("/catalog/articles");
        String christmas = browser.get("/catalog/articles?orderableOn=2026-12-24").body().asString();
        assertThat(UpstreamStubs.CATALOG.lastCall("GET", "/api/v1/articles").orElseThrow().query())
                .containsEntry("orderableOn", "2026-12-24").containsEntry("sort", "sku");
        assertThat(christmas).contains("XMAS-PROMO", "MOD-1", "promotion: Christmas 2026", "value=\"2026-12-24\"",
                "<label for=\"filter-orderableOn\">");
        String january = browser.get("/catalog/articles?orderableOn=2027-01-05").body().asString();
        assertThat(january).contains("MOD-1").doesNotContain("XMAS-PROMO");
    }

    @Test
    void aFilterCatalogRefusesIsShownNextToItsField() {
        Browser browser = Browser.signedIn();

        Response refused = browser.get("/catalog/articles?orderableOn=someday&sku=MOD");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("The filter was not applied",
                "id=\"filter-orderableOn-error\">must be a date as YYYY-MM-DD", "aria-invalid=\"true\"",
                "value=\"MOD\"", "Clear filters").doesNotContain("Exception");
    }

    @Test
    void anArticleShowsItsPricesAndLinks() {
        Browser browser = Browser.signedIn();

        String html = browser.get("/catalog/articles/MOD-1").body().asString();

        assertThat(html).contains("1400.00 eur", "1750.00 eur", "15000 sek", "RENEWAL",
                "href=\"/catalog/articles/MOD-1-R\"", "1500.00 eur");
        assertThat(browser.get("/catalog/articles/NO-SUCH-SKU").statusCode()).isEqualTo(404);
    }

    @Test
    void aVendorCreatesAListingAsTypedAndSeesARefusalNextToItsField() {
        Browser browser = Browser.signedIn(IdentityStub.VENDOR_ADMIN);
        assertThat(browser.get("/catalog/listings").body().asString()).contains("CloudMeter Logs", "Create a listing",
                "<label for=\"listing-vendor\">").doesNotContain("listing-vendor-id");

        Response refused = browser.post("/catalog/listings", "csrf", browser.csrf(), "vendor", "azure", "name",
                "CloudMeter Traces", "currency", "dollars");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("The listing was not created",
                "id=\"listing-currency-error\">must be an ISO 4217 code such as eur", "value=\"dollars\"",
                "value=\"CloudMeter Traces\"", "<option value=\"azure\" selected>");

        Response created = browser.post("/catalog/listings", "csrf", browser.csrf(), "vendor", "azure", "name",
                "CloudMeter Traces", "description", "", "productCode", "prod-9", "currency", "usd");
        assertThat(created.statusCode()).isEqualTo(303);
        Map<String, Object> body = UpstreamStubs.CATALOG.lastCall("POST", "/api/v1/listings").orElseThrow().json();
        assertThat(body).isEqualTo(Map.of("vendor", "azure", "name", "CloudMeter Traces", "productCode", "prod-9",
                "currency", "usd"));
        assertThat(browser.get(created.header("Location")).body().asString())
                .contains("Listing “CloudMeter Traces” is created", "Add a dimension");
    }

    @Test
    void aVendorAddsADimensionAndRetiresOne() {
        Browser browser = Browser.signedIn(IdentityStub.VENDOR_ADMIN);
        browser.get(LISTING);

        Response refused = browser.post(LISTING + "/dimensions", "csrf", browser.csrf(), "key", "Storage GB", "title",
                "Storage", "unit", "GB-month", "pricePerUnit", "0.25");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("The dimension was not added",
                "id=\"dimension-key-error\">must be 1-64 lower-case letters", "value=\"Storage GB\"");

        Response added = browser.post(LISTING + "/dimensions", "csrf", browser.csrf(), "key", "storage_gb", "title",
                "Storage", "unit", "GB-month", "pricePerUnit", "0.25", "decimals", "3", "aggregation", "MAX");
        assertThat(added.statusCode()).isEqualTo(303);
        Map<String, Object> body = UpstreamStubs.CATALOG.lastCall("POST", "/api/v1/listings/lst_01LOGS/dimensions")
                .orElseThrow().json();
        assertThat(body).containsEntry("key", "storage_gb").containsEntry("pricePerUnit", 0.25)
                .containsEntry("decimals", 3).containsEntry("aggregation", "MAX").doesNotContainKey("tokenRate");

        browser.get(LISTING);
        Response retired = browser.post(LISTING + "/dimensions/storage_gb/retire", "csrf", browser.csrf());
        assertThat(retired.statusCode()).isEqualTo(303);
        var call = UpstreamStubs.CATALOG.lastCall("POST", "/api/v1/listings/lst_01LOGS/dimensions/storage_gb/retire")
                .orElseThrow();
        assertThat(UpstreamStubs.IDENTITY.userOf(call.authorization())).isEqualTo(IdentityStub.VENDOR_ADMIN);
        assertThat(browser.get(LISTING).body().asString()).contains("Dimension “storage_gb” is retired",
                "status-RETIRED", "aria-label=\"Retire the dimension api_calls\"")
                .doesNotContain("aria-label=\"Retire the dimension storage_gb\"");
    }

    @Test
    void aVendorEditsADimensionAsTyped() {
        Browser browser = Browser.signedIn(IdentityStub.VENDOR_ADMIN);
        String page = LISTING + "/dimensions/api_calls";
        assertThat(browser.get(LISTING).body().asString()).contains("href=\"" + page + "\"");
        assertThat(browser.get(page).body().asString()).contains("value=\"API calls\"", "value=\"0.001\"");

        Response refused = browser.post(page, "csrf", browser.csrf(), "title", "API requests", "pricePerUnit", "cheap");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("The dimension was not saved",
                "id=\"dimension-price-error\">must be a number", "value=\"cheap\"", "value=\"API requests\"");

        Response saved = browser.post(page, "csrf", browser.csrf(), "title", "API calls", "pricePerUnit", "0.002",
                "tokenRate", "", "description", "");
        assertThat(saved.statusCode()).isEqualTo(303);
        var call = UpstreamStubs.CATALOG.lastCall("PATCH", "/api/v1/listings/lst_01LOGS/dimensions/api_calls").orElseThrow();
        assertThat(call.json()).isEqualTo(Map.of("title", "API calls", "pricePerUnit", 0.002));
        assertThat(UpstreamStubs.IDENTITY.userOf(call.authorization())).isEqualTo(IdentityStub.VENDOR_ADMIN);
        assertThat(browser.get(LISTING + "/dimensions/unknown").statusCode()).isEqualTo(404);
    }

    @Test
    void publishingAPlanPostsToItsPublishWithTheVendorsToken() {
        Browser partner = Browser.signedIn();
        String readOnly = partner.get("/catalog/plans/" + CatalogStub.PLAN_ID).body().asString();
        assertThat(readOnly).contains("Version 1", "4.00").doesNotContain("/publish");

        Browser vendor = Browser.signedIn(IdentityStub.VENDOR_ADMIN);
        assertThat(vendor.get("/catalog/plans").body().asString()).contains("Team", "href=\"/catalog/plans/" + CatalogStub.PLAN_ID + "\"");
        String html = vendor.get("/catalog/plans/" + CatalogStub.PLAN_ID).body().asString();
        assertThat(html).contains("Publish version 2", "5.00");

        Response published = vendor.post("/catalog/plans/" + CatalogStub.PLAN_ID + "/publish", "csrf", vendor.csrf());

        assertThat(published.statusCode()).isEqualTo(303);
        var call = UpstreamStubs.CATALOG.lastCall("POST", "/api/v1/plans/" + CatalogStub.PLAN_ID + "/publish").orElseThrow();
        assertThat(UpstreamStubs.IDENTITY.userOf(call.authorization())).isEqualTo(IdentityStub.VENDOR_ADMIN);
        assertThat(vendor.get(published.header("Location")).body().asString()).contains("Version 2 of “Team” is published")
                .doesNotContain("Publish version");
        // Published again: catalog's 409 is a page that says so, not a stack trace.
        Response again = vendor.post("/catalog/plans/" + CatalogStub.PLAN_ID + "/publish", "csrf", vendor.csrf());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body().asString()).contains("has no draft to publish");
    }

    @Test
    void aVendorMakesAnOfferAndSendsItAndSeesARefusalNextToTheDiscount() {
        Browser browser = Browser.signedIn(IdentityStub.VENDOR_ADMIN);
        assertThat(browser.get(OFFERS).body().asString()).contains("Make an offer", "<label for=\"offer-discount\">");

        Response refused = browser.post(OFFERS, "csrf", browser.csrf(), "listingId", "lst_01LOGS", "customerId",
                IdentityStub.TENANT_ID, "pricing.discountPercentage", "120", "pricing.duration", "12", "action", "send");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("The offer was not created",
                "id=\"offer-discount-error\">must be above 0 and at most 100", "value=\"120\"");

        Response sent = browser.post(OFFERS, "csrf", browser.csrf(), "listingId", "lst_01LOGS", "customerId",
                IdentityStub.TENANT_ID, "pricing.discountPercentage", "12.5", "pricing.duration", "6", "title",
                "Spring deal", "action", "send");
        assertThat(sent.statusCode()).isEqualTo(303);
        Map<String, Object> body = UpstreamStubs.CATALOG.lastCall("POST", "/api/v1/private-offers").orElseThrow().json();
        assertThat(body).containsEntry("listingId", "lst_01LOGS").containsEntry("customerId", IdentityStub.TENANT_ID)
                .containsEntry("title", "Spring deal").containsEntry("pricing", Map.of("discountPercentage", 12.5,
                        "duration", 6));
        Map<String, Object> offer = UpstreamStubs.CATALOG.storedOffers().stream()
                .filter(stored -> "Spring deal".equals(stored.get("title"))).findFirst().orElseThrow();
        assertThat(offer.get("status")).isEqualTo("SENT");
        assertThat(UpstreamStubs.CATALOG.lastCall("POST", "/api/v1/private-offers/" + offer.get("id") + "/send")).isPresent();
        assertThat(browser.get(OFFERS).body().asString()).contains("is sent.");
    }

    @Test
    void theCustomerAcceptsAndDeclinesWithItsOwnToken() {
        String toAccept = UpstreamStubs.CATALOG.offerIn("SENT");
        String toDecline = UpstreamStubs.CATALOG.offerIn("SENT");
        Browser tenant = Browser.signedIn(IdentityStub.TENANT_ADMIN);
        String list = tenant.get(OFFERS).body().asString();
        assertThat(list).contains("action=\"/catalog/private-offers/" + toAccept + "/accept\"",
                "action=\"/catalog/private-offers/" + toDecline + "/decline\"");

        Response accepted = tenant.post(OFFERS + "/" + toAccept + "/accept", "csrf", tenant.csrf());
        assertThat(accepted.statusCode()).isEqualTo(303);
        var call = UpstreamStubs.CATALOG.lastCall("POST", "/api/v1/private-offers/" + toAccept + "/accept").orElseThrow();
        assertThat(UpstreamStubs.IDENTITY.userOf(call.authorization())).isEqualTo(IdentityStub.TENANT_ADMIN);
        assertThat(UpstreamStubs.CATALOG.storedOffer(toAccept).get("status")).isEqualTo("ACCEPTED");
        assertThat(tenant.get(OFFERS).body().asString()).contains("is accepted; the order follows");

        tenant.post(OFFERS + "/" + toDecline + "/decline", "csrf", tenant.csrf());
        assertThat(UpstreamStubs.CATALOG.storedOffer(toDecline).get("status")).isEqualTo("DECLINED");
        assertThat(UpstreamStubs.CATALOG.lastCall("POST", "/api/v1/private-offers/" + toDecline + "/decline")).isPresent();
    }

    @Test
    void aTenantSeesNoCatalogFormItsScopesDoNotAllow() {
        String draft = UpstreamStubs.CATALOG.offerIn("DRAFT");
        Browser tenant = Browser.signedIn(IdentityStub.TENANT_ADMIN);

        String offers = tenant.get(OFFERS).body().asString();
        assertThat(offers).doesNotContain("Make an offer", "action=\"/catalog/private-offers\" class=\"stacked\"",
                "/" + draft + "/send");
        String listings = tenant.get("/catalog/listings").body().asString();
        assertThat(listings).contains("CloudMeter Logs").doesNotContain("Create a listing", "method=\"post\" action=\"/catalog/listings\"");
        String listing = tenant.get(LISTING).body().asString();
        assertThat(listing).contains("api_calls").doesNotContain("/retire", "Add a dimension", "Edit the listing");
        assertThat(tenant.get("/catalog/plans/" + CatalogStub.PLAN_ID).body().asString()).doesNotContain("/publish");
    }

    @Test
    void aCatalogFormWithoutItsCsrfTokenIsRefusedBeforeCatalogHearsOfIt() {
        String offer = UpstreamStubs.CATALOG.offerIn("SENT");
        Browser tenant = Browser.signedIn(IdentityStub.TENANT_ADMIN);
        tenant.get(OFFERS);

        Response refused = tenant.post(OFFERS + "/" + offer + "/accept");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body().asString()).contains("Form expired");
        assertThat(UpstreamStubs.CATALOG.lastCall("POST", "/api/v1/private-offers/" + offer + "/accept")).isEmpty();
        assertThat(UpstreamStubs.CATALOG.storedOffer(offer).get("status")).isEqualTo("SENT");
    }

    @Test
    void catalogDownIsThePageThatNamesIt() {
        Browser browser = Browser.signedIn();
        UpstreamStubs.CATALOG.stop();
        try {
            Response page = browser.get("/catalog/listings");

            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body().asString()).contains("catalog-service is not available").doesNotContain("Exception");
        } finally {
            UpstreamStubs.CATALOG.start();
        }
        assertThat(browser.get("/catalog/listings").statusCode()).isEqualTo(200);
    }

    @Test
    void theListsPageThroughWhatTheApiHas() {
        Browser browser = Browser.signedIn(IdentityStub.VENDOR_ADMIN);
        for (int i = 0; i < 21; i++) {
            UpstreamStubs.CATALOG.offerIn("EXPIRED");
        }

        String first = browser.get(OFFERS + "?status=EXPIRED").body().asString();
        assertThat(first).contains("Page 1 of", "href=\"/catalog/private-offers?status=EXPIRED&amp;sort=-createdAt&amp;page=2\"");
        String second = browser.get(OFFERS + "?status=EXPIRED&page=2").body().asString();
        assertThat(second).contains("rel=\"prev\"");
        assertThat(UpstreamStubs.CATALOG.lastCall("GET", "/api/v1/private-offers").orElseThrow().query())
                .containsEntry("page", "2").containsEntry("status", "EXPIRED");
        assertThat(List.of(first, second)).allSatisfy(html -> assertThat(html).contains("<option value=\"EXPIRED\" selected>"));
    }
}
