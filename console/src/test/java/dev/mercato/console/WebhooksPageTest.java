package dev.mercato.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class WebhooksPageTest {

    private static final String PAGE = "/settings/integrations/webhooks";

    @Test
    void eventsAreChosenFromTheCatalogue() {
        Browser browser = Browser.signedIn();
        String html = browser.get(PAGE).body().asString();

        assertThat(html).contains("name=\"eventTypes\" value=\"invoice.finalized\"", "An invoice was finalized",
                "name=\"eventTypes\" value=\"transaction.processed\"", "<label for=\"hook-url\">");
    }

    @Test
    void saveAndTestShowsTheSecretOnceAndTheReceiversAnswer() {
        Browser browser = Browser.signedIn();
        browser.get(PAGE);

        Response saved = browser.post(PAGE, "csrf", browser.csrf(), "url", "https://receiver.example/hooks",
                "description", "ERP", "eventTypes", "invoice.finalized", "action", "test");

        assertThat(saved.statusCode()).isEqualTo(303);
        var stored = UpstreamStubs.WEBHOOK.storedEndpoints().stream()
                .filter(endpoint -> "https://receiver.example/hooks".equals(endpoint.get("url"))).findFirst().orElseThrow();
        assertThat(stored.get("eventTypes")).asList().containsExactly("invoice.finalized");
        String once = browser.get(saved.header("Location")).body().asString();
        assertThat(once).contains("whsec_created", "data-copy=\"webhook-secret\"", "Test delivery: delivered",
                "<dd>200</dd>", "{&quot;received&quot;:true}");
        assertThat(browser.get(saved.header("Location")).body().asString()).doesNotContain("whsec_");
        assertThat(browser.get(PAGE).body().asString()).contains("https://receiver.example/hooks", "invoice.finalized");
    }

    @Test
    void noEventChosenMeansEveryEventType() {
        Browser browser = Browser.signedIn();
        browser.get(PAGE);

        browser.post(PAGE, "csrf", browser.csrf(), "url", "https://all.example/hooks", "action", "save");

        var stored = UpstreamStubs.WEBHOOK.storedEndpoints().stream()
                .filter(endpoint -> "https://all.example/hooks".equals(endpoint.get("url"))).findFirst().orElseThrow();
        assertThat(stored.get("eventTypes")).isNull();
        assertThat(browser.get(PAGE).body().asString()).contains("every event type");
    }

    @Test
    void webhooksRefusalOfTheUrlIsShownNextToIt() {
        Browser browser = Browser.signedIn();
        browser.get(PAGE);
        int testsBefore = UpstreamStubs.WEBHOOK.tests.get();

        Response refused = browser.post(PAGE, "csrf", browser.csrf(), "url", "http://plain.example/hooks", "action", "test");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("id=\"hook-url-error\">must be an https URL",
                "value=\"http://plain.example/hooks\"");
        assertThat(UpstreamStubs.WEBHOOK.tests.get()).isEqualTo(testsBefore);
    }

    @Test
    void testingAndRotatingAnExistingEndpoint() {
        Browser browser = Browser.signedIn();
        browser.get(PAGE);
        String outcome = browser.post(PAGE, "csrf", browser.csrf(), "url", "https://rotate.example/hooks", "action", "save")
                .header("Location");
        String id = outcome.replaceAll(".*/webhooks/([^/]+)/outcome", "$1");
        browser.get(PAGE);

        Response tested = browser.post(PAGE + "/" + id + "/test", "csrf", browser.csrf());
        assertThat(browser.get(tested.header("Location")).body().asString()).contains("Test delivery: delivered")
                .doesNotContain("whsec_");

        browser.get(PAGE);
        Response rotated = browser.post(PAGE + "/" + id + "/rotate-secret", "csrf", browser.csrf());
        assertThat(browser.get(rotated.header("Location")).body().asString()).contains("whsec_rotated",
                "The previous secret also signs until");
    }
}
