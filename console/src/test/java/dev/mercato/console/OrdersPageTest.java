package dev.mercato.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class OrdersPageTest {

    private static final String FORM = "/orders/new";

    private static String[] initialOrder(String action, String purchaseOrder) {
        return new String[] { "type", "INITIAL", "action", action, "deliveryDate", "2026-12-01",
            "purchaseOrderNumber", purchaseOrder, "resellerSiteId", "site-1", "contactFirstName", "Pat",
            "contactLastName", "Partner", "contactEmail", "pat@tenant.example", "customerCsn", "5100000001",
            "customerName", "Tenant One Oy", "sku", "SKU-CAD-1Y", "quantity", "3", "price", "1200.00", "sku", "",
            "quantity", "", "price", "", "sku", "", "quantity", "", "price", "" };
    }

    private static String[] withCsrf(Browser browser, String... fields) {
        String[] all = new String[fields.length + 2];
        all[0] = "csrf";
        all[1] = browser.csrf();
        System.arraycopy(fields, 0, all, 2, fields.length);
        return all;
    }

    @Test
    void theFormShowsTheCommonFieldsAndThoseOfTheChosenType() {
        Browser browser = Browser.signedIn();

        String initial = browser.get(FORM + "?type=INITIAL").body().asString();
        assertThat(initial).contains("<label for=\"order-customerCsn\">", "name=\"customerCsn\"",
                "<label for=\"order-purchaseOrderNumber\">", "<label for=\"item-1-sku\">", "name=\"csrf\"")
                .doesNotContain("name=\"contractNumber\"", "name=\"serialNumber\"");

        String addSeat = browser.get(FORM + "?type=ADD_SEAT").body().asString();
        assertThat(addSeat).contains("Place an order: ADD_SEAT", "name=\"contractNumber\"", "name=\"serialNumber\"",
                "<label for=\"item-1-serialNumber\">").doesNotContain("name=\"customerCsn\"");
    }

    @Test
    void placingPostsWhatWasTypedAndShowsTheTransactionUntilItIsProcessed() {
        Browser browser = Browser.signedIn();
        browser.get(FORM + "?type=INITIAL");

        Response placed = browser.post(FORM, withCsrf(browser, initialOrder("place", "PO-PLACE-1")));

        assertThat(placed.statusCode()).isEqualTo(303);
        Map<String, Object> order = UpstreamStubs.ORDER.placed.stream()
                .filter(sent -> "PO-PLACE-1".equals(sent.get("purchaseOrderNumber"))).findFirst().orElseThrow();
        assertThat(order).containsEntry("type", "INITIAL").containsEntry("customerCsn", "5100000001")
                .containsEntry("deliveryDate", "2026-12-01").containsEntry("contactEmail", "pat@tenant.example")
                .doesNotContainKey("contractNumber");
        assertThat(order.get("items")).asList().containsExactly(Map.of("sku", "SKU-CAD-1Y", "quantity", 3, "price", "1200.00"));

        String location = placed.header("Location");
        assertThat(location).matches(".*/orders/transactions/txn_\\d+");
        String pending = browser.get(location).body().asString();
        assertThat(pending).contains("data-status=\"PENDING\"", "data-poll=");

        UpstreamStubs.ORDER.settle(location.replaceAll(".*/", ""), "PROCESSED", "Contract 110003114019 created");
        String processed = browser.get(location).body().asString();
        assertThat(processed).contains("data-status=\"PROCESSED\"", "Contract 110003114019 created")
                .doesNotContain("data-poll=");
    }

    @Test
    void theSameFormSentTwicePlacesOneOrder() {
        Browser browser = Browser.signedIn();
        String form = browser.get(FORM + "?type=INITIAL").body().asString();
        String key = form.replaceAll("(?s).*name=\"orderKey\" value=\"([^\"]+)\".*", "$1");
        assertThat(key).hasSizeGreaterThan(20);
        assertThat(browser.get(FORM + "?type=INITIAL").body().asString()).doesNotContain(key);
        String csrf = browser.csrf();
        String[] fields = initialOrder("place", "PO-TWICE");
        String[] withKey = new String[fields.length + 4];
        withKey[0] = "csrf";
        withKey[1] = csrf;
        withKey[2] = "orderKey";
        withKey[3] = key;
        System.arraycopy(fields, 0, withKey, 4, fields.length);

        Response first = browser.post(FORM, withKey);
        Response second = browser.post(FORM, withKey);

        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(UpstreamStubs.ORDER.placed.stream().filter(sent -> "PO-TWICE".equals(sent.get("purchaseOrderNumber"))))
                .hasSize(1);
    }

    @Test
    void aStuckTransactionIsNoLongerPolledAndAWriterMayRunItAgain() {
        Browser browser = Browser.signedIn();
        browser.get(FORM + "?type=INITIAL");
        String location = browser.post(FORM, withCsrf(browser, initialOrder("place", "PO-STUCK"))).header("Location");
        String id = location.replaceAll(".*/", "");
        UpstreamStubs.ORDER.settle(id, "STUCK", "Processing did not finish");

        String stuck = browser.get(location).body().asString();
        assertThat(stuck).contains("data-status=\"STUCK\"", "Run it again").doesNotContain("data-poll=");
        assertThat(Browser.signedIn(IdentityStub.PARTNER_READER).get(location).body().asString())
                .contains("data-status=\"STUCK\"").doesNotContain("Run it again", "/retry");

        Response retried = browser.post("/orders/transactions/" + id + "/retry", "csrf", browser.csrf());

        assertThat(retried.statusCode()).isEqualTo(303);
        assertThat(UpstreamStubs.ORDER.retries).anySatisfy(call -> {
            assertThat(call.path()).isEqualTo("/api/v1/transactions/" + id + "/retry");
            assertThat(call.authorization()).startsWith("Bearer ey");
        });
        assertThat(browser.get(location).body().asString()).contains("data-status=\"PENDING\"", "data-poll=");
    }

    @Test
    void aPreviewKeepsTheFormsKey() {
        Browser browser = Browser.signedIn();
        browser.get(FORM + "?type=INITIAL");
        String[] fields = initialOrder("preview", "PO-KEY");
        String[] withKey = new String[fields.length + 4];
        withKey[0] = "csrf";
        withKey[1] = browser.csrf();
        withKey[2] = "orderKey";
        withKey[3] = "form-key-1";
        System.arraycopy(fields, 0, withKey, 4, fields.length);

        assertThat(browser.post(FORM, withKey).body().asString()).contains("name=\"orderKey\" value=\"form-key-1\"");
    }

    @Test
    void typesThatChangeSubscriptionsSendTheirSerialNumbersAndACheckedBoxAsTrue() {
        Browser browser = Browser.signedIn();
        browser.get(FORM + "?type=ADD_SEAT");

        browser.post(FORM, "csrf", browser.csrf(), "type", "ADD_SEAT", "action", "place", "purchaseOrderNumber",
                "PO-SEATS", "contractNumber", "110003114019", "sku", "SKU-CAD-1Y", "quantity", "2", "price", "240.00",
                "serialNumber", "565-86309682", "sku", "", "quantity", "", "price", "", "serialNumber", "");
        Map<String, Object> seats = UpstreamStubs.ORDER.placed.stream()
                .filter(sent -> "PO-SEATS".equals(sent.get("purchaseOrderNumber"))).findFirst().orElseThrow();
        assertThat(seats).containsEntry("type", "ADD_SEAT").containsEntry("contractNumber", "110003114019");
        assertThat(seats.get("items")).asList().containsExactly(
                Map.of("sku", "SKU-CAD-1Y", "quantity", 2, "price", "240.00", "serialNumber", "565-86309682"));

        browser.get(FORM + "?type=RENEWAL");
        browser.post(FORM, "csrf", browser.csrf(), "type", "RENEWAL", "action", "place", "purchaseOrderNumber",
                "PO-RENEW", "opportunityNumber", "A-97090247", "partialRenewal", "true", "customerCsn", "not-shown",
                "sku", "SKU-CAD-1Y", "quantity", "1", "price", "400.00", "serialNumber", "565-86309682");
        Map<String, Object> renewal = UpstreamStubs.ORDER.placed.stream()
                .filter(sent -> "PO-RENEW".equals(sent.get("purchaseOrderNumber"))).findFirst().orElseThrow();
        assertThat(renewal).containsEntry("opportunityNumber", "A-97090247").containsEntry("partialRenewal", true)
                .doesNotContainKey("customerCsn");
    }

    @Test
    void aPreviewShowsTheDryRunAndPlacesNothing() {
        Browser browser = Browser.signedIn();
        browser.get(FORM + "?type=INITIAL");
        int placedBefore = UpstreamStubs.ORDER.placed.size();
        int dryRunsBefore = UpstreamStubs.ORDER.dryRuns.get();

        Response preview = browser.post(FORM, withCsrf(browser, initialOrder("preview", "PO-PREVIEW-1")));

        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body().asString()).contains("Preview: the order would be processed", "nothing was placed",
                "110003114019", "565-00000001", "240.00 EUR", "value=\"PO-PREVIEW-1\"");
        assertThat(UpstreamStubs.ORDER.dryRuns.get()).isEqualTo(dryRunsBefore + 1);
        assertThat(UpstreamStubs.ORDER.placed).hasSize(placedBefore);
    }

    @Test
    void theApisRefusalIsShownNextToItsFieldWithTheValuesKept() {
        Browser browser = Browser.signedIn();
        browser.get(FORM + "?type=ADD_SEAT");
        int placedBefore = UpstreamStubs.ORDER.placed.size();

        Response refused = browser.post(FORM, "csrf", browser.csrf(), "type", "ADD_SEAT", "action", "place",
                "purchaseOrderNumber", "PO-REFUSED", "sku", "SKU-CAD-1Y", "quantity", "three", "price", "400.00",
                "serialNumber", "565-86309682");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("Invalid request parameters",
                "id=\"order-contractNumber-error\">is required for ADD_SEAT orders",
                "id=\"item-1-quantity-error\">must be a whole number", "value=\"three\"", "value=\"PO-REFUSED\"",
                "aria-describedby=\"order-contractNumber-error\"");
        assertThat(UpstreamStubs.ORDER.placed).hasSize(placedBefore);
    }

    @Test
    void contractsSubscriptionsAndOpportunitiesWithTheirStatuses() {
        Browser browser = Browser.signedIn();

        assertThat(browser.get("/orders/contracts").body().asString()).contains("110003114019", "Tenant One Oy",
                "1200.00 EUR", "<a href=\"/orders/contracts\" aria-current=\"page\">")
                .doesNotContain("<a href=\"/orders/subscriptions\" aria-current");
        String subscriptions = browser.get("/orders/subscriptions?status=EXPIRED").body().asString();
        assertThat(subscriptions).contains("565-86309682", "status-ACTIVE", "status-EXPIRED",
                "<option value=\"EXPIRED\" selected>");
        assertThat(UpstreamStubs.ORDER.lastQuery.get("/api/v1/subscriptions")).containsEntry("status", "EXPIRED")
                .containsEntry("sort", "-createdAt");
        assertThat(browser.get("/orders/opportunities?contractNumber=110003114019").body().asString())
                .contains("A-97090247", "NOT_CONTACTED", "<option value=\"subscriptionEndDate\" selected>Ending first");
        assertThat(UpstreamStubs.ORDER.lastQuery.get("/api/v1/opportunities"))
                .containsEntry("contractNumber", "110003114019").containsEntry("sort", "subscriptionEndDate");
    }

    @Test
    void theTransactionsGoToTheApiWithTheFiltersAndTheOrderChosen() {
        Browser browser = Browser.signedIn();

        String html = browser.get("/orders?status=PROCESSED&orderType=INITIAL&customerCsn=5100000001&sort=-updatedAt")
                .body().asString();

        assertThat(UpstreamStubs.ORDER.lastQuery.get("/api/v1/transactions")).containsEntry("status", "PROCESSED")
                .containsEntry("orderType", "INITIAL").containsEntry("customerCsn", "5100000001")
                .containsEntry("sort", "-updatedAt").containsEntry("limit", "25").containsEntry("page", "1");
        assertThat(html).contains("role=\"search\"", "<label for=\"filter-sort\">",
                "<option value=\"-updatedAt\" selected>Recently updated", "<option value=\"PROCESSED\" selected>",
                "<label for=\"filter-orderType\">", "<option value=\"INITIAL\" selected>",
                "id=\"filter-customerCsn\" name=\"customerCsn\" type=\"text\" value=\"5100000001\"",
                "<a href=\"/orders\">Clear filters</a>");

        browser.get("/orders?sort=password");
        assertThat(UpstreamStubs.ORDER.lastQuery.get("/api/v1/transactions")).containsEntry("sort", "-creationDate")
                .doesNotContainKey("status");
    }

    @Test
    void theContractsPagerKeepsTheFiltersAndTheOrder() {
        Browser browser = Browser.signedIn();

        String first = browser.get("/orders/contracts?contractType=SUBSCRIPTION&customerName=Tenant&sort=contractEndDate")
                .body().asString();

        assertThat(UpstreamStubs.ORDER.lastQuery.get("/api/v1/contracts")).containsEntry("contractType", "SUBSCRIPTION")
                .containsEntry("customerName[like]", "%Tenant%").containsEntry("sort", "contractEndDate");
        assertThat(first).contains("Page 1 of 2", "<option value=\"contractEndDate\" selected>Ending first",
                "href=\"/orders/contracts?contractType=SUBSCRIPTION&amp;customerName=Tenant&amp;sort=contractEndDate&amp;page=2\"");
        String second = browser.get("/orders/contracts?contractType=SUBSCRIPTION&customerName=Tenant&sort=contractEndDate&page=2")
                .body().asString();
        assertThat(UpstreamStubs.ORDER.lastQuery.get("/api/v1/contracts")).containsEntry("page", "2")
                .containsEntry("sort", "contractEndDate").containsEntry("contractType", "SUBSCRIPTION");
        assertThat(second).contains("Page 2 of 2", "110003114048",
                "href=\"/orders/contracts?contractType=SUBSCRIPTION&amp;customerName=Tenant&amp;sort=contractEndDate&amp;page=1\"");
    }

    @Test
    void aFilterTheApiRefusesIsShownNextToItsField() {
        Browser browser = Browser.signedIn();

        Response refused = browser.get("/orders/contracts?contractEndDate=soon&customerName=Tenant");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("The filter was not applied",
                "id=\"filter-contractEndDate-error\">expected a date (2026-01-01)", "aria-invalid=\"true\"",
                "value=\"soon\"", "value=\"Tenant\"", "No contract matches these filters; clear them")
                .doesNotContain("110003114019");

        Response status = browser.get("/orders?status=DONE");
        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(status.body().asString()).contains("id=\"filter-status-error\">expected one of PENDING",
                "aria-describedby=\"filter-status-error\"");
    }

    @Test
    void aRoleThatOnlyReadsSeesNoOrderForm() {
        Browser reader = Browser.signedIn(IdentityStub.PARTNER_READER);

        String orders = reader.get("/orders").body().asString();

        assertThat(orders).contains("<h1>Orders</h1>", "href=\"/orders\"").doesNotContain("/orders/new");
        assertThat(Browser.signedIn().get("/orders").body().asString()).contains("href=\"/orders/new?type=INITIAL\"");
    }

    @Test
    void orderServiceDownIsThePageThatNamesIt() {
        Browser browser = Browser.signedIn();
        UpstreamStubs.ORDER.stop();
        try {
            Response page = browser.get("/orders/subscriptions");

            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body().asString()).contains("order-service is not available", "Try again in a moment")
                    .doesNotContain("Exception");
        } finally {
            UpstreamStubs.ORDER.start();
        }
    }

    @Test
    void anOrderPostedWithoutTheFormsTokenIsRefused() {
        Browser browser = Browser.signedIn();
        assertThat(browser.get(FORM).body().asString()).contains("Place an order: INITIAL");
        int placedBefore = UpstreamStubs.ORDER.placed.size();

        Response refused = browser.post(FORM, initialOrder("place", "PO-NO-CSRF"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body().asString()).contains("Form expired");
        assertThat(UpstreamStubs.ORDER.placed).hasSize(placedBefore);
    }
}
