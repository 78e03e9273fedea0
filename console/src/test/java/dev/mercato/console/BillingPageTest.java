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
        assertThat(browser.get("/billing/commissions?period=2026-11").body().asString()).contains("96.00", "PARTNER",
                "value=\"2026-11\"");
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
