package dev.mercato.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class SignInTest {

    private static final String SESSION_COOKIE = "__Host-mercato-console";

    @Test
    void theSignInFormHasALabelForEachFieldAndACsrfToken() {
        Browser browser = new Browser();
        Response page = browser.get("/sign-in");

        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body().asString();
        assertThat(html).contains("<label for=\"email\">", "<label for=\"password\">", "autocomplete=\"current-password\"");
        assertThat(browser.csrf()).hasSizeGreaterThan(40).isEqualTo(browser.cookie("__Host-mercato-console-signin"));
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'", "frame-ancestors 'none'");
    }

    @Test
    void signingInOpensASecureHttpOnlyStrictSessionAndShowsHome() {
        Browser browser = new Browser();
        browser.get("/sign-in");
        Response signIn = browser.post("/sign-in", "email", IdentityStub.EMAIL, "password", IdentityStub.PASSWORD,
                "csrf", browser.csrf());

        assertThat(signIn.statusCode()).isEqualTo(303);
        assertThat(signIn.header("Location")).endsWith("/");
        String sessionCookie = signIn.headers().getValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(sessionCookie).contains("HttpOnly", "Secure", "SameSite=Strict", "Path=/");
        assertThat(sessionCookie).doesNotContain("rt_", "eyJ"); // only a random id: the tokens stay in the console

        Response home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body().asString()).contains("Pat Partner", IdentityStub.EMAIL, "PARTNER_ADMIN",
                "Helsinki Cloud Partners Oy", "tenants below your organization",
                "href=\"/settings/integrations/api-access\"", "href=\"/settings/integrations/webhooks\"");
    }

    @Test
    void aWrongPasswordShowsIdentitysMessageAndKeepsTheEmail() {
        Browser browser = new Browser();
        browser.get("/sign-in");
        Response refused = browser.post("/sign-in", "email", IdentityStub.EMAIL, "password", "wrong", "csrf", browser.csrf());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body().asString()).contains("Invalid email or password", "value=\"" + IdentityStub.EMAIL + "\"");
        assertThat(browser.cookie(SESSION_COOKIE)).isNull();
    }

    @Test
    void aSignInWithoutTheFormsCsrfTokenIsRefused() {
        Browser browser = new Browser();
        browser.get("/sign-in");
        String token = browser.csrf();
        Response withoutToken = browser.post("/sign-in", "email", IdentityStub.EMAIL, "password", IdentityStub.PASSWORD);
        Response otherToken = browser.post("/sign-in", "email", IdentityStub.EMAIL, "password", IdentityStub.PASSWORD,
                "csrf", "x" + token);
        browser.forget("__Host-mercato-console-signin");
        Response withoutCookie = browser.post("/sign-in", "email", IdentityStub.EMAIL, "password", IdentityStub.PASSWORD,
                "csrf", token);

        for (Response refused : new Response[] { withoutToken, otherToken, withoutCookie }) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body().asString()).contains("Form expired", "reload the page");
        }
        assertThat(browser.cookie(SESSION_COOKIE)).isNull();
    }

    @Test
    void everyFormOfASessionNeedsItsCsrfToken() {
        Browser browser = Browser.signedIn();
        browser.get("/settings/integrations/api-access");
        int applicationsBefore = UpstreamStubs.IDENTITY.storedApplications().size();

        Response create = browser.post("/settings/integrations/api-access", "name", "No token", "scopes", "read:users");
        Response signOut = browser.post("/sign-out", "csrf", "not-the-token");

        assertThat(create.statusCode()).isEqualTo(403);
        assertThat(signOut.statusCode()).isEqualTo(403);
        assertThat(create.body().asString()).contains("Form expired").doesNotContain("Exception");
        assertThat(UpstreamStubs.IDENTITY.storedApplications()).hasSize(applicationsBefore);
        assertThat(browser.get("/").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void pagesWithoutASessionSendTheBrowserToSignIn() {
        Browser stranger = new Browser();
        Response home = stranger.get("/settings/integrations/webhooks");
        assertThat(home.statusCode()).isEqualTo(303);
        assertThat(home.header("Location")).endsWith("/sign-in");

        stranger.setCookie(SESSION_COOKIE, "made-up");
        Response ended = stranger.get("/");
        assertThat(ended.header("Location")).endsWith("/sign-in?reason=ended");
        assertThat(stranger.get("/sign-in?reason=ended").body().asString()).contains("Your session has ended");
    }

    @Test
    void signingOutEndsTheSessionAndRevokesItsRefreshToken() {
        Browser browser = Browser.signedIn();
        var liveBefore = UpstreamStubs.IDENTITY.liveRefreshTokens();
        browser.get("/");
        String sessionCookie = browser.cookie(SESSION_COOKIE);

        Response signOut = browser.post("/sign-out", "csrf", browser.csrf());

        assertThat(signOut.statusCode()).isEqualTo(303);
        assertThat(signOut.header("Location")).endsWith("/sign-in?reason=signed-out");
        assertThat(browser.cookie(SESSION_COOKIE)).isNull();
        assertThat(liveBefore.stream().filter(UpstreamStubs.IDENTITY::wasRevoked)).hasSize(1);
        browser.setCookie(SESSION_COOKIE, sessionCookie);
        assertThat(browser.get("/").statusCode()).as("the old cookie opens nothing").isEqualTo(303);
    }
}
