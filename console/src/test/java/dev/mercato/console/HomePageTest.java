package dev.mercato.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Home by role: the cards each role group gets from the stubs' data, the cards it does not get, and a card whose
 * service is down or refuses saying so while the rest of the page is there.
 */
@QuarkusTest
class HomePageTest {

    private static final String MONTH_NAME = YearMonth.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH));

    @AfterEach
    void servicesBack() {
        UpstreamStubs.ORDER.recover();
        UpstreamStubs.BILLING.recover();
        UpstreamStubs.METERING.recover();
        UpstreamStubs.CATALOG.recover();
    }

    @Test
    void thePlatformSeesTheMarketplacesCountsAndTheLatestOrdersAndInvoices() {
        String transaction = UpstreamStubs.ORDER.transactionIn("PROCESSED");
        Browser browser = Browser.signedIn(IdentityStub.PLATFORM_ADMIN);

        Response home = browser.get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        String page = home.body().asString();
        assertThat(page).contains("Welcome, Paula Platform", "<h2 id=\"organizations-heading\">Marketplace</h2>",
                count("/organizations/tenants", organizations("TENANT"), "tenants"),
                count("/organizations/partners", organizations("PARTNER"), "partners"),
                count("/organizations/distributors", organizations("DISTRIBUTOR"), "distributors"),
                count("/organizations/vendors", organizations("VENDOR"), "vendors"),
                "Latest orders", "href=\"/orders/transactions/" + transaction + "\"", "Tenant One Oy",
                "Latest invoices", "href=\"/billing/invoices/" + BillingStub.INVOICE + "\"", "No. 1042",
                "Settings › Integrations");
        assertThat(page).doesNotContain("Renewals due", "Commissions,", "subscriptions-heading", "usage-heading",
                "listings-heading", "offers-heading");
        assertThat(lastQuery(UpstreamStubs.ORDER, "/api/v1/transactions")).containsEntry("sort", "-creationDate")
                .containsEntry("limit", "5");
        assertThat(lastQuery(UpstreamStubs.BILLING, "/api/v1/invoices")).containsEntry("sort", "-createdAt");
    }

    @Test
    void aPartnerSeesItsTenantsTheRenewalsOfTheNext90DaysAndThisMonthsCommissions() {
        Browser browser = Browser.signedIn();

        String page = browser.get("/").body().asString();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(lastQuery(UpstreamStubs.ORDER, "/api/v1/contracts"))
                .containsEntry("contractEndDate[gte]", today.toString())
                .containsEntry("contractEndDate[lte]", today.plusDays(90).toString())
                .containsEntry("sort", "contractEndDate");
        String period = YearMonth.now(ZoneOffset.UTC).toString();
        assertThat(lastQuery(UpstreamStubs.BILLING, "/api/v1/commissions/summary")).containsEntry("period", period)
                .containsEntry("beneficiaryId", IdentityStub.ORG_ID);
        assertThat(page).contains("<h2 id=\"organizations-heading\">Tenants</h2>",
                count("/organizations/tenants", organizations("TENANT"), "tenants below your organization"),
                "Renewals due in the next 90 days", "110003114019", "Tenant One Oy",
                "<time datetime=\"2026-12-31\">2026-12-31</time>", "href=\"/orders/contracts\"",
                "Commissions, " + MONTH_NAME, "96.00 EUR", "href=\"/billing/commissions?period=" + period + "\"");
        assertThat(page).doesNotContain("Marketplace", "Latest orders", "invoices-heading", "subscriptions-heading",
                "usage-heading", "listings-heading", "offers-heading");
    }

    @Test
    void aTenantSeesItsSubscriptionsThisMonthsUsageAgainstItsBalanceAndItsLatestInvoice() {
        Browser browser = Browser.signedIn(IdentityStub.TENANT_ADMIN);

        String page = browser.get("/").body().asString();

        assertThat(lastQuery(UpstreamStubs.ORDER, "/api/v1/subscriptions")).containsEntry("status", "ACTIVE");
        assertThat(UpstreamStubs.METERING.lastSummaryQuery).containsEntry("granularity", "month")
                .containsEntry("from", YearMonth.now(ZoneOffset.UTC).atDay(1) + "T00:00:00Z")
                .containsEntry("to", YearMonth.now(ZoneOffset.UTC).plusMonths(1).atDay(1) + "T00:00:00Z");
        assertThat(UpstreamStubs.METERING.lastCall("GET", "/api/v1/balances/" + IdentityStub.TENANT_ID)).isPresent();
        assertThat(lastQuery(UpstreamStubs.BILLING, "/api/v1/invoices")).containsEntry("limit", "1")
                .containsEntry("sort", "-createdAt");
        assertThat(page).contains("Welcome, Terry Tenant", "Subscriptions</h2>", "565-86309682", "CAD Suite",
                "href=\"/orders/subscriptions?status=ACTIVE\"",
                "Usage, " + MONTH_NAME, "<td>api_calls</td><td class=\"number\">1545</td>",
                "<td>storage_gb</td><td class=\"number\">7.5</td>", "Token balance", "3000",
                "<time datetime=\"2027-01-01\">2027-01-01</time>",
                "Latest invoice</h2>", "href=\"/billing/invoices/" + BillingStub.INVOICE + "\"", "No. 1042", "2026-11",
                "1200.00 EUR", "FINALIZED");
        assertThat(page).doesNotContain("Commissions,", "Renewals due", "organizations-heading", "Latest orders",
                "listings-heading", "offers-heading");
    }

    @Test
    void aVendorSeesItsListingsItsOffersByStatusAndTheUsageOfItsListings() {
        UpstreamStubs.CATALOG.offerIn("DRAFT");
        Browser browser = Browser.signedIn(IdentityStub.VENDOR_ADMIN);

        String page = browser.get("/").body().asString();

        assertThat(lastQuery(UpstreamStubs.CATALOG, "/api/v1/listings")).containsEntry("vendorId", IdentityStub.VENDOR_ID);
        assertThat(page).contains("Welcome, Val Vendor", "<dt>Kind</dt><dd>VENDOR</dd>",
                "<dd><code>" + IdentityStub.VENDOR_ID + "</code></dd>", "Listings</h2>",
                "href=\"/catalog/listings/lst_01LOGS\">CloudMeter Logs</a>",
                "Private offers</h2>", count("/catalog/private-offers?status=DRAFT", offers("DRAFT"), "draft"),
                count("/catalog/private-offers?status=SENT", offers("SENT"), "sent"),
                "Usage, " + MONTH_NAME, "<td>api_calls</td><td class=\"number\">1545</td>");
        assertThat(page).doesNotContain("The platform", "Token balance", "Commissions,", "Renewals due", "invoices-heading",
                "subscriptions-heading", "organizations-heading", "Latest orders");
    }

    @Test
    void billingDownIsOneSentenceOnItsCardAndTheRestOfThePageIsCurrent() {
        Browser browser = Browser.signedIn(IdentityStub.TENANT_ADMIN);
        UpstreamStubs.BILLING.failWith(503);

        Response home = browser.get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body().asString()).contains("Latest invoice</h2>",
                "Billing is not answering now; the rest of the page is current.", "Welcome, Terry Tenant",
                "565-86309682", "<td>api_calls</td><td class=\"number\">1545</td>", "Settings › Integrations")
                .doesNotContain("No. 1042");
    }

    @Test
    void aCardItsServiceRefusesSaysSoAndTheOthersStillShow() {
        Browser browser = Browser.signedIn();
        UpstreamStubs.ORDER.failWith(403);

        Response home = browser.get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body().asString()).contains("Renewals due in the next 90 days",
                "Ordering does not let your role see this; the rest of the page is current.", "96.00 EUR",
                "below your organization").doesNotContain("110003114019");
    }

    @Test
    void aSessionACardsServiceEndsStillGoesBackToSignIn() {
        Browser browser = Browser.signedIn(IdentityStub.TENANT_ADMIN);
        UpstreamStubs.METERING.failWith(401);

        Response home = browser.get("/");

        assertThat(home.statusCode()).isEqualTo(303);
        assertThat(home.header("Location")).endsWith("/sign-in?reason=ended");
    }

    /** A count as the home page shows it: a link to its list around the figure and its label. */
    private static String count(String href, long value, String label) {
        return "<a href=\"" + href + "\"><span class=\"figure\">" + value + "</span> " + label + "</a>";
    }

    private static long organizations(String kind) {
        return UpstreamStubs.IDENTITY.storedOrganizations().stream().filter(organization -> kind.equals(organization.get("kind")))
                .count();
    }

    private static long offers(String status) {
        return UpstreamStubs.CATALOG.storedOffers().stream().filter(offer -> status.equals(offer.get("status"))).count();
    }

    private static Map<String, String> lastQuery(StubServer stub, String path) {
        return stub.lastCall("GET", path).orElseThrow().query();
    }
}
