package dev.mercato.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ApiKeysPageTest {

    private static final String PAGE = "/settings/integrations/api-access/keys";
    private static final String API = "/api/v1/api-keys";

    private static Map<String, Object> partnerKey(String name) {
        return UpstreamStubs.IDENTITY.apiKey(IdentityStub.PARTNER_ADMIN, name, List.of("read:catalog", "read:orders"),
                "PARTNER_ADMIN");
    }

    @Test
    void theListShowsEachKeyByItsPrefixWithScopesStatusAndLastUse() {
        Map<String, Object> used = partnerKey("Nightly sync");
        used.put("lastUsedAt", "2026-11-30T02:00:00Z");
        Browser browser = Browser.signedIn();

        String html = browser.get(PAGE).body().asString();

        assertThat(html).contains("Nightly sync", "<code>mk_live_" + used.get("id").toString().substring(4) + "…</code>",
                "<li>read:orders</li>", "status-ACTIVE", "<time datetime=\"2026-11-30T02:00:00Z\">",
                "aria-current=\"page\">API keys</a>", "<code>POST /api/v1/auth</code>",
                "href=\"" + PAGE + "/" + used.get("id") + "\"");
        assertThat(UpstreamStubs.IDENTITY.lastCall("GET", API).orElseThrow().query())
                .containsEntry("limit", "20").containsEntry("page", "1").containsEntry("sort", "-createdAt");
        assertThat(browser.get("/settings/integrations/api-access").body().asString())
                .contains("aria-current=\"page\">Applications</a>", "href=\"" + PAGE + "\"");
    }

    @Test
    void theListPagesAndFiltersByStatusAsTheApiDoes() {
        long vendorKeys = UpstreamStubs.IDENTITY.storedApiKeys().stream()
                .filter(key -> IdentityStub.VENDOR_ID.equals(key.get("organizationId"))).count();
        for (long i = vendorKeys; i < 21; i++) {
            UpstreamStubs.IDENTITY.apiKey(IdentityStub.VENDOR_ADMIN, "Worker " + i, List.of("read:catalog"), "VENDOR_ADMIN");
        }
        Browser vendor = Browser.signedIn(IdentityStub.VENDOR_ADMIN);

        String first = vendor.get(PAGE).body().asString();
        assertThat(first).contains("API keys (21)", "Page 1 of 2", "href=\"" + PAGE + "?sort=-createdAt&amp;page=2\"", "Worker 20")
                .doesNotContain("Worker 0<");
        String second = vendor.get(PAGE + "?page=2").body().asString();
        assertThat(second).contains("Worker 0<", "href=\"" + PAGE + "?sort=-createdAt&amp;page=1\"");
        assertThat(UpstreamStubs.IDENTITY.lastCall("GET", API).orElseThrow().query()).containsEntry("page", "2");

        String revoked = vendor.get(PAGE + "?status=REVOKED&sort=name").body().asString();
        assertThat(UpstreamStubs.IDENTITY.lastCall("GET", API).orElseThrow().query()).containsEntry("status", "REVOKED")
                .containsEntry("sort", "name");
        assertThat(revoked).contains("<option value=\"REVOKED\" selected>", "<option value=\"name\" selected>",
                "No API key matches these filters; clear them to see all.", "href=\"" + PAGE + "\">Clear filters");

        vendor.get(PAGE + "?sort=secretHash");
        assertThat(UpstreamStubs.IDENTITY.lastCall("GET", API).orElseThrow().query()).containsEntry("sort", "-createdAt");
    }

    @Test
    void anOrganizationWithoutKeysIsToldHowToMakeOne() {
        Browser tenant = Browser.signedIn(IdentityStub.TENANT_ADMIN);

        String html = tenant.get(PAGE).body().asString();

        assertThat(html).contains("API keys (0)", "No API keys yet. Create one below", "Create an API key")
                .doesNotContain("<table>");
    }

    @Test
    void theKeyIsShownExactlyOnceAfterCreate() {
        Browser browser = Browser.signedIn();
        String form = browser.get(PAGE).body().asString();
        for (String scope : IdentityStub.ADMIN_SCOPES) {
            assertThat(form).contains("name=\"scopes\" value=\"" + scope + "\"");
        }
        assertThat(form).doesNotContain("value=\"write:catalog\"")
                .contains("<option value=\"PARTNER_READER\">PARTNER_READER (reads only)</option>");

        Response created = browser.post(PAGE, "csrf", browser.csrf(), "name", "Exporter", "scopes", "read:billing",
                "scopes", "read:orders", "role", "PARTNER_READER");

        assertThat(created.statusCode()).isEqualTo(303);
        String shown = created.header("Location");
        assertThat(shown).matches(".*" + PAGE + "/key_\\d+/key");
        Map<String, Object> sent = UpstreamStubs.IDENTITY.lastCall("POST", API).orElseThrow().json();
        assertThat(sent).containsEntry("name", "Exporter").containsEntry("role", "PARTNER_READER");
        assertThat(sent.get("scopes")).asList().containsExactly("read:billing", "read:orders");

        String once = browser.get(shown).body().asString();
        assertThat(once).contains("-secret-", "data-copy=\"api-key\"", "only time it is shown", "PARTNER_READER");
        String again = browser.get(shown).body().asString();
        assertThat(again).doesNotContain("-secret-").contains("cannot be shown again");
        assertThat(browser.get(PAGE).body().asString()).contains("Exporter").doesNotContain("-secret-");
    }

    @Test
    void identitysRefusalIsShownNextToTheFieldWithTheValuesKept() {
        Browser browser = Browser.signedIn();
        browser.get(PAGE);
        int before = UpstreamStubs.IDENTITY.storedApiKeys().size();

        Response refused = browser.post(PAGE, "csrf", browser.csrf(), "name", "Unscoped");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("The API key was not created", "Validation failed",
                "id=\"key-scopes-error\">must not be empty", "value=\"Unscoped\"");
        assertThat(UpstreamStubs.IDENTITY.storedApiKeys()).hasSize(before);
    }

    @Test
    void renamingSendsTheNameAndARefusalIsShownNextToIt() {
        String id = partnerKey("Old name").get("id").toString();
        Browser browser = Browser.signedIn();
        assertThat(browser.get(PAGE + "/" + id).body().asString()).contains("<h1>Old name</h1>", "value=\"Old name\"");

        Response renamed = browser.post(PAGE + "/" + id, "csrf", browser.csrf(), "name", " New name ");

        assertThat(renamed.statusCode()).isEqualTo(303);
        assertThat(renamed.header("Location")).endsWith(PAGE + "/" + id);
        StubServer.Call patch = UpstreamStubs.IDENTITY.lastCall("PATCH", API + "/" + id).orElseThrow();
        assertThat(patch.json()).isEqualTo(Map.of("name", "New name"));
        assertThat(UpstreamStubs.IDENTITY.userOf(patch.authorization())).isEqualTo(IdentityStub.PARTNER_ADMIN);
        assertThat(browser.get(renamed.header("Location")).body().asString()).contains("<h1>New name</h1>",
                "renamed “New name”");

        Response refused = browser.post(PAGE + "/" + id, "csrf", browser.csrf(), "name", "  ");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("The API key was not renamed",
                "id=\"key-name-error\">must not be blank", "<h1>New name</h1>");
    }

    @Test
    void revokingSaysSoAndTheListShowsItRevoked() {
        String id = partnerKey("To revoke").get("id").toString();
        Browser browser = Browser.signedIn();
        String list = browser.get(PAGE).body().asString();
        assertThat(list).contains("action=\"" + PAGE + "/" + id + "/revoke\" data-confirm=\"Revoke To revoke?");

        Response revoked = browser.post(PAGE + "/" + id + "/revoke", "csrf", browser.csrf());

        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(revoked.header("Location")).endsWith(PAGE);
        assertThat(UpstreamStubs.IDENTITY.userOf(UpstreamStubs.IDENTITY.lastCall("POST", API + "/" + id + "/revoke")
                .orElseThrow().authorization())).isEqualTo(IdentityStub.PARTNER_ADMIN);
        String after = browser.get(PAGE).body().asString();
        assertThat(after).contains("API key “To revoke” is revoked", "status-REVOKED")
                .doesNotContain("action=\"" + PAGE + "/" + id + "/revoke\"");
    }

    @Test
    void aRoleThatOnlyReadsSeesTheKeysWithoutForms() {
        String id = partnerKey("Read only").get("id").toString();
        Browser reader = Browser.signedIn(IdentityStub.PARTNER_READER);

        String list = reader.get(PAGE).body().asString();
        String one = reader.get(PAGE + "/" + id).body().asString();

        assertThat(list).contains("Read only").doesNotContain("Create an API key", "/revoke", "name=\"scopes\"",
                "method=\"post\" action=\"" + PAGE);
        assertThat(one).contains("<h1>Read only</h1>").doesNotContain("/revoke", "id=\"key-name\"");
        Response refused = reader.post(PAGE + "/" + id + "/revoke", "csrf", reader.csrf());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(UpstreamStubs.IDENTITY.storedApiKeys().stream().filter(key -> id.equals(key.get("id"))).findFirst()
                .orElseThrow()).containsEntry("status", "ACTIVE");
    }

    @Test
    void aKeyOfAnotherOrganizationIsNotFound() {
        String id = partnerKey("Partner's own").get("id").toString();
        Browser tenant = Browser.signedIn(IdentityStub.TENANT_ADMIN);

        Response missing = tenant.get(PAGE + "/" + id);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body().asString()).doesNotContain("Partner's own", "Exception");
    }

    @Test
    void formsWithoutTheirCsrfTokenChangeNothing() {
        String id = partnerKey("Guarded").get("id").toString();
        Browser browser = Browser.signedIn();
        browser.get(PAGE);
        int writes = UpstreamStubs.IDENTITY.calls(call -> call.path().startsWith(API) && !call.method().equals("GET")).size();

        Response create = browser.post(PAGE, "name", "Forged", "scopes", "read:catalog");
        Response rename = browser.post(PAGE + "/" + id, "csrf", "forged", "name", "Forged");
        Response revoke = browser.post(PAGE + "/" + id + "/revoke");

        for (Response refused : List.of(create, rename, revoke)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body().asString()).contains("Form expired");
        }
        assertThat(UpstreamStubs.IDENTITY.calls(call -> call.path().startsWith(API) && !call.method().equals("GET")))
                .hasSize(writes);
    }
}
