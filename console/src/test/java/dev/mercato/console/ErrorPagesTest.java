package dev.mercato.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class ErrorPagesTest {

    @AfterEach
    void servicesBack() {
        UpstreamStubs.WEBHOOK.recover();
        UpstreamStubs.IDENTITY.recover();
    }

    @Test
    void aServiceThatDoesNotAnswerIsAPageThatSaysSo() {
        Browser browser = Browser.signedIn();
        UpstreamStubs.WEBHOOK.stop();
        try {
            Response page = browser.get("/settings/integrations/webhooks");

            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body().asString()).contains("webhook-service is not available", "Try again in a moment",
                    "href=\"/settings/integrations/api-access\"").doesNotContain("Exception", "at dev.", "127.0.0.1");
        } finally {
            UpstreamStubs.WEBHOOK.start();
        }
        assertThat(browser.get("/settings/integrations/webhooks").statusCode()).isEqualTo(200);
    }

    @Test
    void aServerErrorNamesTheServiceAndItsRequestId() {
        Browser browser = Browser.signedIn();
        UpstreamStubs.IDENTITY.failWith(500);

        Response page = browser.get("/");

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body().asString()).contains("identity-service is not available", "HTTP 500", "req-stub-failure")
                .doesNotContain("Exception");
    }

    @Test
    void signInWhileIdentityIsDownSaysSo() {
        Browser browser = new Browser();
        browser.get("/sign-in");
        UpstreamStubs.IDENTITY.failWith(503);

        Response page = browser.post("/sign-in", "email", IdentityStub.EMAIL, "password", IdentityStub.PASSWORD,
                "csrf", browser.csrf());

        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.body().asString()).contains("identity-service is not available");
    }
}
