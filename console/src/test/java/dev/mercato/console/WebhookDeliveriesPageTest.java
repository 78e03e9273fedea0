package dev.mercato.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class WebhookDeliveriesPageTest {

    private static final String WEBHOOKS = "/settings/integrations/webhooks";
    private static final String LOG = WEBHOOKS + "/" + WebhookStub.LOGGED + "/deliveries";

    @Test
    void theLogListsTheEndpointsMessagesAndEachMessageItsAttempts() {
        Browser browser = Browser.signedIn();

        assertThat(browser.get(WEBHOOKS).body().asString()).contains("href=\"" + LOG + "\"");
        String log = browser.get(LOG).body().asString();
        assertThat(log).contains("https://erp.example/logged", "msg_delivered", "status-DELIVERED", "msg_failed",
                "status-FAILED", "HTTP 500", "<label for=\"replay-since\">");
        assertThat(log).contains("<form method=\"get\" action=\"" + LOG + "\" class=\"filters\" role=\"search\"");
        assertThat(browser.get(LOG + "?status=FAILED").body().asString()).contains("msg_failed",
                "<option value=\"FAILED\" selected>").doesNotContain("msg_delivered");

        String message = browser.get(WEBHOOKS + "/deliveries/msg_failed").body().asString();
        assertThat(message).contains("Attempts (2)", "connection refused", "{&quot;error&quot;:&quot;down&quot;}",
                "no answer", "Redeliver this message");
    }

    @Test
    void theLogGoesToTheApiWithTheFiltersAndTheOrderAndItsPagerKeepsThem() {
        Browser browser = Browser.signedIn();

        String first = browser.get(LOG + "?eventType=invoice.finalized&createdAt=2026-12-01&sort=createdAt").body().asString();

        assertThat(UpstreamStubs.WEBHOOK.lastDeliveriesQuery).containsEntry("eventType", "invoice.finalized")
                .containsEntry("createdAt[gte]", "2026-12-01").containsEntry("sort", "createdAt")
                .containsEntry("limit", "50");
        assertThat(first).contains("Page 1 of 2", "<option value=\"createdAt\" selected>Oldest first",
                "href=\"" + LOG + "?eventType=invoice.finalized&amp;createdAt=2026-12-01&amp;sort=createdAt&amp;page=2\"",
                "<a href=\"" + LOG + "\">Clear filters</a>");
        String second = browser.get(LOG + "?eventType=invoice.finalized&createdAt=2026-12-01&sort=createdAt&page=2")
                .body().asString();
        assertThat(second).contains("Page 2 of 2", "msg_queued_49");
        assertThat(UpstreamStubs.WEBHOOK.lastDeliveriesQuery).containsEntry("page", "2").containsEntry("sort", "createdAt");

        browser.get(LOG + "?sort=url");
        assertThat(UpstreamStubs.WEBHOOK.lastDeliveriesQuery).containsEntry("sort", "-createdAt");
    }

    @Test
    void aCreationTimeTheApiRefusesIsShownNextToItsField() {
        Browser browser = Browser.signedIn();

        Response refused = browser.get(LOG + "?createdAt=yesterday");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("The filter was not applied",
                "id=\"filter-createdAt-error\">expected a date (2026-01-01)", "aria-invalid=\"true\"",
                "value=\"yesterday\"", "No message matches these filters; clear them").doesNotContain("msg_failed");
    }

    @Test
    void redeliverPostsToTheMessagesApiPathWithTheUsersToken() {
        Browser browser = Browser.signedIn();
        browser.get(WEBHOOKS + "/deliveries/msg_failed");
        int before = UpstreamStubs.WEBHOOK.requeues.size();

        Response redelivered = browser.post(WEBHOOKS + "/deliveries/msg_failed/redeliver", "csrf", browser.csrf());

        assertThat(redelivered.statusCode()).isEqualTo(303);
        StubServer.Call call = UpstreamStubs.WEBHOOK.requeues.get(before);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/api/v1/webhooks/deliveries/msg_failed/redeliver");
        assertThat(call.authorization()).startsWith("Bearer ey");
        assertThat(browser.get(redelivered.header("Location")).body().asString())
                .contains("queued to be sent again, with the same webhook-id");
    }

    @Test
    void replayPostsTheTimeTypedAndShowsTheApisRefusalNextToIt() {
        Browser browser = Browser.signedIn();
        browser.get(LOG);
        int before = UpstreamStubs.WEBHOOK.requeues.size();

        Response replayed = browser.post(WEBHOOKS + "/" + WebhookStub.LOGGED + "/replay", "csrf", browser.csrf(), "since",
                "2026-12-01T00:00:00Z", "failedOnly", "true");

        assertThat(replayed.statusCode()).isEqualTo(303);
        StubServer.Call call = UpstreamStubs.WEBHOOK.requeues.get(before);
        assertThat(call.path()).isEqualTo("/api/v1/webhooks/" + WebhookStub.LOGGED + "/replay");
        assertThat(call.query()).containsEntry("since", "2026-12-01T00:00:00Z").containsEntry("failedOnly", "true");
        assertThat(call.authorization()).startsWith("Bearer ey");
        assertThat(browser.get(replayed.header("Location")).body().asString()).contains("2 messages are queued");

        browser.get(LOG);
        Response refused = browser.post(WEBHOOKS + "/" + WebhookStub.LOGGED + "/replay", "csrf", browser.csrf(), "since",
                "yesterday");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("id=\"replay-since-error\">must be an ISO-8601 time",
                "value=\"yesterday\"");
        assertThat(UpstreamStubs.WEBHOOK.requeues).hasSize(before + 1);
    }

    @Test
    void redeliverAndReplayNeedTheFormsToken() {
        Browser browser = Browser.signedIn();
        browser.get(LOG);
        int before = UpstreamStubs.WEBHOOK.requeues.size();

        assertThat(browser.post(WEBHOOKS + "/deliveries/msg_failed/redeliver").statusCode()).isEqualTo(403);
        assertThat(browser.post(WEBHOOKS + "/" + WebhookStub.LOGGED + "/replay", "csrf", "forged", "since",
                "2026-12-01T00:00:00Z").statusCode()).isEqualTo(403);
        assertThat(UpstreamStubs.WEBHOOK.requeues).hasSize(before);
    }

    @Test
    void aRoleThatOnlyReadsSeesTheLogWithoutRedeliverOrReplay() {
        Browser reader = Browser.signedIn(IdentityStub.PARTNER_READER);

        String log = reader.get(LOG).body().asString();
        String message = reader.get(WEBHOOKS + "/deliveries/msg_failed").body().asString();

        assertThat(log).contains("msg_failed").doesNotContain("/redeliver", "/replay", "replay-since");
        assertThat(message).contains("Attempts (2)").doesNotContain("/redeliver");
    }
}
