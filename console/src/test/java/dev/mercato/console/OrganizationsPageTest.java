package dev.mercato.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class OrganizationsPageTest {

    private static final String TENANTS = "/organizations/tenants";

    @Test
    void thePartnerStartsAtTheFirstKindItReadsAndFollowsTheTreeDown() {
        Browser browser = Browser.signedIn();

        assertThat(browser.get("/organizations").header("Location")).endsWith("/organizations/distributors");
        String distributors = browser.get("/organizations/distributors").body().asString();
        assertThat(distributors).contains("Nordic Distribution AB", "href=\"/organizations/tenants\"",
                "href=\"/organizations/partners?parentId=" + IdentityStub.DISTRIBUTOR_ID + "\"");
        String partners = browser.get("/organizations/partners?parentId=" + IdentityStub.DISTRIBUTOR_ID).body().asString();
        assertThat(partners).contains("Helsinki Cloud Partners Oy",
                "href=\"/organizations/tenants?parentId=" + IdentityStub.ORG_ID + "\"")
                .doesNotContain("Create a partner"); // a partner admin reads organizations but does not create them
        assertThat(UpstreamStubs.IDENTITY.lastCall("GET", "/api/v1/partners").orElseThrow().query())
                .containsEntry("parentId", IdentityStub.DISTRIBUTOR_ID);
    }

    @Test
    void theFiltersAndPageGoToIdentitysListQuery() {
        Browser browser = Browser.signedIn();

        String html = browser.get(TENANTS + "?name=One&status=ACTIVE&page=1").body().asString();

        Map<String, String> query = UpstreamStubs.IDENTITY.lastCall("GET", "/api/v1/tenants").orElseThrow().query();
        assertThat(query).containsEntry("name[like]", "%One%").containsEntry("status", "ACTIVE")
                .containsEntry("page", "1").containsEntry("limit", "20").containsEntry("sort", "name");
        assertThat(html).contains("Tenant One", "value=\"One\"", "<option value=\"ACTIVE\" selected>")
                .doesNotContain("Tenant Two");
        assertThat(browser.get(TENANTS + "?name=nobody-has-this-name").body().asString())
                .contains("No tenants match these filters", "Clear filters");
    }

    @Test
    void theOrderIsOneOfTheApisSortFieldsThePageOffers() {
        Browser browser = Browser.signedIn();

        String newest = browser.get(TENANTS + "?sort=-createdAt").body().asString();
        assertThat(UpstreamStubs.IDENTITY.lastCall("GET", "/api/v1/tenants").orElseThrow().query())
                .containsEntry("sort", "-createdAt");
        assertThat(newest).contains("<label for=\"filter-sort\">", "<option value=\"-createdAt\" selected>Newest first");

        browser.get(TENANTS + "?sort=password");
        assertThat(UpstreamStubs.IDENTITY.lastCall("GET", "/api/v1/tenants").orElseThrow().query())
                .containsEntry("sort", "name");
    }

    @Test
    void createSendsWhatWasTypedAndOpensTheNewOrganization() {
        Browser browser = Browser.signedIn();
        browser.get(TENANTS);

        Response created = browser.post(TENANTS, "csrf", browser.csrf(), "name", "  Tenant Three ", "countryCode", "FI",
                "currency", "sek", "parentId", "", "externalId", "crm-3");

        assertThat(created.statusCode()).isEqualTo(303);
        Map<String, Object> body = UpstreamStubs.IDENTITY.lastCall("POST", "/api/v1/tenants").orElseThrow().json();
        assertThat(body).containsEntry("name", "Tenant Three").containsEntry("countryCode", "FI")
                .containsEntry("currency", "sek").containsEntry("externalId", "crm-3").doesNotContainKey("parentId");
        assertThat(created.header("Location")).matches(".*/organizations/tenants/org_\\d+");
        assertThat(browser.get(created.header("Location")).body().asString()).contains("“Tenant Three” is created",
                "<h1>Tenant Three</h1>", "sek");
    }

    @Test
    void identitysRefusalIsShownNextToItsFieldWithTheValuesKept() {
        Browser browser = Browser.signedIn();
        browser.get(TENANTS);

        Response refused = browser.post(TENANTS, "csrf", browser.csrf(), "name", "Kept", "countryCode", "Finland");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("The organization was not created",
                "id=\"org-country-error\">must be an ISO 3166-1 alpha-2 code such as FI", "value=\"Finland\"",
                "value=\"Kept\"", "aria-describedby=\"org-country-error\"");
    }

    @Test
    void editingSendsTheFieldsAndARefusedBillingDayIsShownNextToIt() {
        Browser browser = Browser.signedIn();
        String page = TENANTS + "/org_01TENANTTWO";
        assertThat(browser.get(page).body().asString()).contains("value=\"Tenant Two\"");

        Response refused = browser.post(page, "csrf", browser.csrf(), "name", "Tenant Two Oy", "billingDay", "31");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("The organization was not saved",
                "id=\"org-billing-day-error\">must be a whole number from 1 to 28", "value=\"Tenant Two Oy\"");

        Response saved = browser.post(page, "csrf", browser.csrf(), "name", "Tenant Two", "billingDay", "15");
        assertThat(saved.statusCode()).isEqualTo(303);
        Map<String, Object> body = UpstreamStubs.IDENTITY.lastCall("PATCH", "/api/v1/tenants/org_01TENANTTWO")
                .orElseThrow().json();
        assertThat(body).containsEntry("name", "Tenant Two").containsEntry("billingDay", 15).doesNotContainKey("status");
    }

    @Test
    void suspendAndReactivatePatchTheStatusWithTheUsersToken() {
        Browser browser = Browser.signedIn();
        browser.get(TENANTS + "/" + IdentityStub.TENANT_ID);

        Response suspended = browser.post(TENANTS + "/" + IdentityStub.TENANT_ID + "/suspend", "csrf", browser.csrf());

        assertThat(suspended.statusCode()).isEqualTo(303);
        var patch = UpstreamStubs.IDENTITY.lastCall("PATCH", "/api/v1/tenants/" + IdentityStub.TENANT_ID).orElseThrow();
        assertThat(patch.json()).isEqualTo(Map.of("status", "SUSPENDED"));
        assertThat(UpstreamStubs.IDENTITY.userOf(patch.authorization())).isEqualTo(IdentityStub.PARTNER_ADMIN);
        String detail = browser.get(suspended.header("Location")).body().asString();
        assertThat(detail).contains("“Tenant One” is suspended", "status-SUSPENDED", "Reactivate");

        browser.post(TENANTS + "/" + IdentityStub.TENANT_ID + "/reactivate", "csrf", browser.csrf());
        assertThat(UpstreamStubs.IDENTITY.lastCall("PATCH", "/api/v1/tenants/" + IdentityStub.TENANT_ID).orElseThrow()
                .json()).isEqualTo(Map.of("status", "ACTIVE"));
    }

    @Test
    void aFormWithoutItsCsrfTokenChangesNothing() {
        Browser browser = Browser.signedIn();
        browser.get(TENANTS);
        int patchesBefore = UpstreamStubs.IDENTITY.calls(call -> call.method().equals("PATCH")).size();

        Response refused = browser.post(TENANTS + "/" + IdentityStub.TENANT_ID + "/suspend", "csrf", "not-the-token");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body().asString()).contains("Form expired");
        assertThat(UpstreamStubs.IDENTITY.calls(call -> call.method().equals("PATCH"))).hasSize(patchesBefore);
    }

    @Test
    void aTenantSeesItsOwnKindOnlyAndNoFormItsScopesDoNotAllow() {
        Browser browser = Browser.signedIn(IdentityStub.TENANT_ADMIN);

        assertThat(browser.get("/organizations").header("Location")).endsWith("/organizations/tenants");
        String list = browser.get(TENANTS).body().asString();
        assertThat(list).contains("Tenant One", "href=\"/organizations\"")
                .doesNotContain("action=\"/organizations/tenants\" class=\"stacked\"", "Create a tenant",
                        "/organizations/distributors", "/organizations/vendors");
        String detail = browser.get(TENANTS + "/" + IdentityStub.TENANT_ID).body().asString();
        assertThat(detail).contains("Tenant One").doesNotContain("/suspend", "Save</button>");
        assertThat(browser.get("/organizations/distributors").statusCode()).isEqualTo(403);
    }

    @Test
    void anUnknownKindIsNotFound() {
        Browser browser = Browser.signedIn();

        assertThat(browser.get("/organizations/planets").statusCode()).isEqualTo(404);
    }
}
