package dev.mercato.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class TokenRefreshTest {

    private final IdentityStub identity = UpstreamStubs.IDENTITY;

    @AfterEach
    void normalTokens() {
        identity.accessLifetimeSeconds = 3600;
    }

    @Test
    void anAccessTokenAboutToExpireIsRefreshedOnceForRequestsThatNoticeTogether() {
        identity.accessLifetimeSeconds = 20; // within the console's refresh-ahead of a minute
        Browser browser = Browser.signedIn();
        identity.accessLifetimeSeconds = 3600;
        int refreshesBefore = identity.refreshes.get();
        int reusedBefore = identity.reusedRefreshTokens.get();

        List<CompletableFuture<Integer>> pages = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            pages.add(CompletableFuture.supplyAsync(() -> browser.get("/settings/integrations/api-access").statusCode()));
        }

        assertThat(pages.stream().map(CompletableFuture::join)).containsOnly(200);
        assertThat(identity.refreshes.get() - refreshesBefore).isEqualTo(1);
        assertThat(identity.reusedRefreshTokens.get()).as("no refresh token presented twice").isEqualTo(reusedBefore);
    }

    @Test
    void anAccessTokenTheApiRefusesIsRefreshedAndTheRequestRetried() {
        Browser browser = Browser.signedIn();
        int refreshesBefore = identity.refreshes.get();
        identity.revokeAccessTokens();

        Response home = browser.get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body().asString()).contains("Pat Partner");
        assertThat(identity.refreshes.get() - refreshesBefore).isEqualTo(1);
    }

    @Test
    void aRefusedRefreshTokenEndsTheSession() {
        Browser browser = Browser.signedIn();
        String session = browser.cookie("__Host-mercato-console");
        identity.revokeEverything();

        Response ended = browser.get("/");

        assertThat(ended.statusCode()).isEqualTo(303);
        assertThat(ended.header("Location")).endsWith("/sign-in?reason=ended");
        assertThat(browser.cookie("__Host-mercato-console")).as("the cookie is cleared").isNull();
        browser.setCookie("__Host-mercato-console", session);
        assertThat(browser.get("/").header("Location")).as("the session is gone").endsWith("/sign-in?reason=ended");
    }
}
