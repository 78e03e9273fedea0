package dev.mercato.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ApiAccessPageTest {

    private static final String PAGE = "/settings/integrations/api-access";

    @Test
    void theCreateFormOffersTheScopesAndRolesIdentityListsForTheUsersRole() {
        Browser browser = Browser.signedIn();
        String html = browser.get(PAGE).body().asString();

        for (String scope : IdentityStub.ADMIN_SCOPES) {
            assertThat(html).contains("name=\"scopes\" value=\"" + scope + "\"");
        }
        assertThat(html).doesNotContain("value=\"write:catalog\"", "value=\"write:organizations\"");
        assertThat(html).contains("<option value=\"\" selected>PARTNER_ADMIN (your role)</option>",
                "<option value=\"PARTNER_READER\">PARTNER_READER (reads only)</option>");
        assertThat(html).contains("<label for=\"app-name\">", "<legend>Scopes");
    }

    @Test
    void theClientSecretIsShownExactlyOnceAfterCreate() {
        Browser browser = Browser.signedIn();
        browser.get(PAGE);

        Response created = browser.post(PAGE, "csrf", browser.csrf(), "name", "Reporting", "description", "Nightly export",
                "scopes", "read:customers", "scopes", "read:webhooks", "role", "");

        assertThat(created.statusCode()).isEqualTo(303);
        String secretPage = created.header("Location");
        assertThat(secretPage).matches(".*/settings/integrations/api-access/app_\\d+/secret");
        Map<String, Object> stored = UpstreamStubs.IDENTITY.storedApplications().stream()
                .filter(app -> "Reporting".equals(app.get("name"))).findFirst().orElseThrow();
        assertThat(stored.get("scopes")).asList().containsExactly("read:customers", "read:webhooks");
        assertThat(stored.get("description")).isEqualTo("Nightly export");

        String once = browser.get(secretPage).body().asString();
        assertThat(once).contains("secret-of-" + stored.get("clientId"), "data-copy=\"client-secret\"",
                "only time it is shown");
        String again = browser.get(secretPage).body().asString();
        assertThat(again).doesNotContain("secret-of-").contains("cannot be shown again");
        assertThat(browser.get(PAGE).body().asString()).contains("Reporting", (String) stored.get("clientId"))
                .doesNotContain("secret-of-");
    }

    @Test
    void identitysRefusalIsShownNextToTheFieldWithTheValuesKept() {
        Browser browser = Browser.signedIn();
        browser.get(PAGE);

        Response refused = browser.post(PAGE, "csrf", browser.csrf(), "name", "No scopes", "description", "kept");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("Validation failed", "id=\"app-scopes-error\">must not be empty",
                "value=\"No scopes\"", ">kept</textarea>");
    }

    @Test
    void rotatingShowsTheNewSecretOnceAndRevokingSaysSo() {
        Browser browser = Browser.signedIn();
        browser.get(PAGE);
        String secretPage = browser.post(PAGE, "csrf", browser.csrf(), "name", "Rotating", "scopes", "read:users")
                .header("Location");
        String clientId = secretPage.replaceAll(".*/api-access/([^/]+)/secret", "$1");
        browser.get(secretPage);
        browser.get(PAGE);

        Response rotated = browser.post(PAGE + "/" + clientId + "/rotate-secret", "csrf", browser.csrf());
        assertThat(rotated.statusCode()).isEqualTo(303);
        assertThat(browser.get(rotated.header("Location")).body().asString()).contains("rotated-secret-of-" + clientId);
        assertThat(browser.get(rotated.header("Location")).body().asString()).doesNotContain("rotated-secret-of-");

        browser.get(PAGE);
        Response revoked = browser.post(PAGE + "/" + clientId + "/revoke", "csrf", browser.csrf());
        assertThat(revoked.statusCode()).isEqualTo(303);
        String list = browser.get(PAGE).body().asString();
        assertThat(list).contains("“Rotating” is revoked", "status-REVOKED");
    }

    @Test
    void anApplicationTheUserMayNotSeeIsANotFoundPage() {
        Browser browser = Browser.signedIn();
        browser.get(PAGE);

        Response missing = browser.post(PAGE + "/app_unknown/rotate-secret", "csrf", browser.csrf());

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body().asString()).contains("not yours to see").doesNotContain("Exception");
    }
}
