package dev.mercato.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class BillingPageTest {

    @Test
    void invoicesAndAnInvoiceWithItsLines() {
        Browser browser = Browser.signedIn();

        String list = browser.get("/billing").body().asString();
        assertThat(list).contains("No. 1042", "status-FINALIZED", "1200.00",
                "href=\"/billing/invoices/" + BillingStub.INVOICE + "/csv\"");

        String invoice = browser.get("/billing/invoices/" + BillingStub.INVOICE).body().asString();
        assertThat(invoice).contains("Invoice No. 1042", "CAD Suite", "API calls over the plan", "api_calls", "1250.00");
    }

    @Test
    void theCsvDownloadPassesBillingsBytesAndHeadersThrough() {
        Browser browser = Browser.signedIn();

        Response csv = browser.get("/billing/invoices/" + BillingStub.INVOICE + "/csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + BillingStub.INVOICE + ".csv\"");
        assertThat(csv.body().asByteArray()).isEqualTo(BillingStub.CSV);
        assertThat(UpstreamStubs.BILLING.lastCsvAuthorization).startsWith("Bearer ey");
    }

    @Test
    void theCsvOfAnInvoiceTheUserMayNotSeeIsTheNotFoundPage() {
        Browser browser = Browser.signedIn();

        Response missing = browser.get("/billing/invoices/inv_other/csv");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("text/html");
        assertThat(missing.body().asString()).contains("not yours to see");
    }

    @Test
    void creditNotesAndCommissions() {
        Browser browser = Browser.signedIn();

        assertThat(browser.get("/billing/credit-notes").body().asString()).contains("cn_1", "CREDIT", "VOID", "-1200.00",
                "<a href=\"/billing/credit-notes\" aria-current=\"page\">", "href=\"/billing/revenue\"");
        assertThat(browser.get("/billing/commissions?period=2026-11&source=INVOICE").body().asString()).contains("96.00",
                "PARTNER", "id=\"filter-period\" name=\"period\" type=\"text\" value=\"2026-11\"",
                "<option value=\"INVOICE\" selected>", "<option value=\"-bookedAt\" selected>Newest first");
        assertThat(UpstreamStubs.BILLING.lastQuery.get("/api/v1/commissions")).containsEntry("period", "2026-11")
                .containsEntry("source", "INVOICE").containsEntry("sort", "-bookedAt");
    }

    @Test
    void theInvoicesGoToTheApiWithTheFiltersAndTheOrderChosen() {
        Browser browser = Browser.signedIn();

        String html = browser.get("/billing?status=FINALIZED&period=2026-11&customerId=org_01TENANT&sort=-number").body()
                .asString();

        assertThat(UpstreamStubs.BILLING.lastQuery.get("/api/v1/invoices")).containsEntry("status", "FINALIZED")
                .containsEntry("period", "2026-11").containsEntry("customerId", "org_01TENANT")
                .containsEntry("sort", "-number").containsEntry("limit", "25");
        assertThat(html).contains("No. 1042", "role=\"search\"", "<option value=\"-number\" selected>Number, highest first",
                "<option value=\"FINALIZED\" selected>", "<a href=\"/billing\">Clear filters</a>");

        browser.get("/billing?sort=customerId");
        assertThat(UpstreamStubs.BILLING.lastQuery.get("/api/v1/invoices")).containsEntry("sort", "-createdAt");
        browser.get("/billing/credit-notes?sort=bogus");
        assertThat(UpstreamStubs.BILLING.lastQuery.get("/api/v1/credit-notes")).containsEntry("sort", "-createdAt");
        browser.get("/billing/commissions?sort=-amount");
        assertThat(UpstreamStubs.BILLING.lastQuery.get("/api/v1/commissions")).containsEntry("sort", "-amount");
    }

    @Test
    void theCreditNotesPagerKeepsTheFiltersAndTheOrder() {
        Browser browser = Browser.signedIn();

        String first = browser.get("/billing/credit-notes?kind=CREDIT&reason=VOID&sort=createdAt").body().asString();

        assertThat(UpstreamStubs.BILLING.lastQuery.get("/api/v1/credit-notes")).containsEntry("kind", "CREDIT")
                .containsEntry("reason", "VOID").containsEntry("sort", "createdAt");
        assertThat(first).contains("Page 1 of 2", "<option value=\"createdAt\" selected>Oldest first",
                "href=\"/billing/credit-notes?kind=CREDIT&amp;reason=VOID&amp;sort=createdAt&amp;page=2\"");
        String second = browser.get("/billing/credit-notes?kind=CREDIT&reason=VOID&sort=createdAt&page=2").body().asString();
        assertThat(second).contains("Page 2 of 2", "cn_26");
        assertThat(UpstreamStubs.BILLING.lastQuery.get("/api/v1/credit-notes")).containsEntry("page", "2")
                .containsEntry("sort", "createdAt");
    }

    @Test
    void anInvoiceNumberTheApiRefusesIsShownNextToItsField() {
        Browser browser = Browser.signedIn();

        Response refused = browser.get("/billing?number=ten&status=PAID");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("The filter was not applied",
                "id=\"filter-number-error\">expected a whole number", "aria-invalid=\"true\"", "value=\"ten\"",
                "No invoice matches these filters; clear them").doesNotContain("No. 1042");
    }

    @Test
    void theMrrChartHasOneBarPerMonth() {
        LinkedHashMap<String, String> months = new LinkedHashMap<>();
        months.put("2026-09", "1000.00");
        months.put("2026-10", "1500.00");
        months.put("2026-11", "0");
        months.put("2026-12", "2000.00");
        UpstreamStubs.BILLING.mrr = months;
        Browser browser = Browser.signedIn();

        String page = browser.get("/billing/revenue").body().asString();

        assertThat(page).contains("<svg", "role=\"img\"", "<title>2026-10: 1500 eur</title>", "<td>2026-12</td>");
        assertThat(Pattern.compile("<rect ").matcher(page).results().count()).isEqualTo(4);
        assertThat(UpstreamStubs.BILLING.lastRevenueQuery).isEmpty();
        assertThat(page).contains("id=\"revenue-from\" name=\"from\" type=\"text\" value=\"2026-09\"");

        browser.get("/billing/revenue?from=2026-01&to=2026-06");
        assertThat(UpstreamStubs.BILLING.lastRevenueQuery).containsEntry("from", "2026-01").containsEntry("to", "2026-06");
    }
}
