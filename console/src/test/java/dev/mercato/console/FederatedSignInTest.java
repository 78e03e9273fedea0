package dev.mercato.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Sign-in through an OpenID provider (a real HTTP stub of one, and identity's stub): the authorization code flow with
 * PKCE, the attempt bound to the browser that started it and good once, the provider's and identity's refusals on the
 * sign-in page, and the browser's address handed to identity with every sign-in.
 */
@QuarkusTest
class FederatedSignInTest {

    private static final String SESSION_COOKIE = "__Host-mercato-console";
    private static final String ATTEMPT_COOKIE = "__Host-mercato-console-federated";
    private static final String CALLBACK = "https://console.test/sign-in/federated/test/callback";

    @Test
    void theSignInPageOffersEachConfiguredProvider() {
        String page = new Browser().get("/sign-in").body().asString();
        assertThat(page).contains("href=\"/sign-in/federated/test\"", "Sign in with Test ID");
    }

    @Test
    void theCodeFlowWithPkceSignsTheUserIn() {
        Browser browser = new Browser();
        Response start = browser.get("/sign-in/federated/test");
        assertThat(start.statusCode()).isEqualTo(303);
        URI authorize = URI.create(start.header("Location"));
        assertThat(authorize.toString()).startsWith(UpstreamStubs.PROVIDER.url() + "/authorize?");
        Map<String, String> request = StubServer.parameters(authorize.getRawQuery());
        assertThat(request).containsEntry("response_type", "code").containsEntry("client_id", ProviderStub.CLIENT_ID)
                .containsEntry("redirect_uri", CALLBACK).containsEntry("scope", "openid email")
                .containsEntry("code_challenge_method", "S256").containsKeys("state", "nonce", "code_challenge");
        String attemptCookie = start.headers().getValues("Set-Cookie").stream()
                .filter(header -> header.startsWith(ATTEMPT_COOKIE + "=")).findFirst().orElseThrow();
        assertThat(attemptCookie).contains("HttpOnly", "Secure", "SameSite=Lax", "Max-Age=600");

        String code = UpstreamStubs.PROVIDER.authorize(request, IdentityStub.EMAIL, request.get("nonce"));
        int signInsBefore = UpstreamStubs.IDENTITY.signInsFrom.size();
        Response callback = browser.get("/sign-in/federated/test/callback?state=" + request.get("state") + "&code=" + code);

        assertThat(callback.statusCode()).isEqualTo(200);
        assertThat(callback.header("Refresh")).isEqualTo("0; url=/");
        assertThat(callback.body().asString()).contains("href=\"/\"");
        assertThat(browser.cookie(SESSION_COOKIE)).isNotNull();
        assertThat(browser.cookie(ATTEMPT_COOKIE)).isNull();
        assertThat(UpstreamStubs.IDENTITY.signInsFrom.subList(signInsBefore, UpstreamStubs.IDENTITY.signInsFrom.size()))
                .containsExactly("127.0.0.1");
        assertThat(browser.get("/").body().asString()).contains("Pat Partner");

        // the attempt worked once: the same callback again signs nobody in
        Browser replaying = new Browser();
        replaying.setCookie(ATTEMPT_COOKIE, attemptCookie.split(";", 2)[0].substring(ATTEMPT_COOKIE.length() + 1));
        Response again = replaying.get("/sign-in/federated/test/callback?state=" + request.get("state") + "&code=" + code);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body().asString()).contains("unknown, was already used or has expired");
        assertThat(replaying.cookie(SESSION_COOKIE)).isNull();
    }

    @Test
    void aCallbackFromAnotherBrowserSignsNobodyIn() {
        Browser victim = new Browser();
        Map<String, String> request = authorizationRequest(victim);
        String code = UpstreamStubs.PROVIDER.authorize(request, IdentityStub.EMAIL, request.get("nonce"));

        // the attacker's link, opened in a browser that did not start this attempt
        Browser other = new Browser();
        Response refused = other.get("/sign-in/federated/test/callback?state=" + request.get("state") + "&code=" + code);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("This sign-in attempt is unknown");
        assertThat(other.cookie(SESSION_COOKIE)).isNull();
        // and the attempt is spent: it cannot be finished afterwards either
        Response late = victim.get("/sign-in/federated/test/callback?state=" + request.get("state") + "&code=" + code);
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(victim.cookie(SESSION_COOKIE)).isNull();
    }

    @Test
    void anIdTokenOfAnotherSignInIsRefused() {
        Browser browser = new Browser();
        Map<String, String> request = authorizationRequest(browser);
        String code = UpstreamStubs.PROVIDER.authorize(request, IdentityStub.EMAIL, "a-nonce-of-another-attempt");
        int tokensBefore = UpstreamStubs.IDENTITY.idTokens.size();

        Response refused = browser.get("/sign-in/federated/test/callback?state=" + request.get("state") + "&code=" + code);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body().asString()).contains("Test ID answered with an ID token of another sign-in");
        assertThat(browser.cookie(SESSION_COOKIE)).isNull();
        assertThat(UpstreamStubs.IDENTITY.idTokens).hasSize(tokensBefore);
    }

    @Test
    void theProvidersErrorAndIdentitysRefusalAreShownOnTheSignInPage() {
        Browser cancelled = new Browser();
        Map<String, String> request = authorizationRequest(cancelled);
        Response error = cancelled.get("/sign-in/federated/test/callback?state=" + request.get("state")
                + "&error=access_denied&error_description=The user cancelled <b>sign-in</b>"); // the client encodes it
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.body().asString()).contains("Test ID did not sign you in: The user cancelled &lt;b&gt;sign-in")
                .contains("name=\"email\"");
        assertThat(cancelled.cookie(ATTEMPT_COOKIE)).isNull();

        Browser stranger = new Browser();
        Map<String, String> second = authorizationRequest(stranger);
        String code = UpstreamStubs.PROVIDER.authorize(second, "someone@elsewhere.example", second.get("nonce"));
        Response refused = stranger.get("/sign-in/federated/test/callback?state=" + second.get("state") + "&code=" + code);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body().asString()).contains("Your organization does not allow sign-in with this identity provider");
        assertThat(stranger.cookie(SESSION_COOKIE)).isNull();
        // the page is ready for a password sign-in: its CSRF token is the sign-in cookie's
        assertThat(stranger.csrf()).isEqualTo(stranger.cookie("__Host-mercato-console-signin"));
    }

    @Test
    void anUnknownProviderIsNotFound() {
        assertThat(new Browser().get("/sign-in/federated/nobody").statusCode()).isEqualTo(404);
        assertThat(new Browser().get("/sign-in/federated/nobody/callback?state=x&code=y").statusCode()).isEqualTo(404);
    }

    @Test
    void aPasswordSignInCarriesTheBrowsersAddress() {
        int before = UpstreamStubs.IDENTITY.signInsFrom.size();
        Browser.signedIn();
        assertThat(UpstreamStubs.IDENTITY.signInsFrom.subList(before, UpstreamStubs.IDENTITY.signInsFrom.size()))
                .containsExactly("127.0.0.1");
    }

    private static Map<String, String> authorizationRequest(Browser browser) {
        Response start = browser.get("/sign-in/federated/test");
        assertThat(start.statusCode()).isEqualTo(303);
        return StubServer.parameters(URI.create(start.header("Location")).getRawQuery());
    }
}
