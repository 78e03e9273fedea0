package dev.mercato.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A browser as far as the console's tests need one: it keeps cookies, follows no redirect, and reads the forms' CSRF. */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String lastPage = "";

    static Browser signedIn() {
        return signedIn(IdentityStub.PARTNER_ADMIN);
    }

    /** Signed in as {@code user}, one of identity's stub users. */
    static Browser signedIn(IdentityStub.User user) {
        Browser browser = new Browser();
        browser.get("/sign-in");
        Response signIn = browser.post("/sign-in", "email", user.email(), "password", IdentityStub.PASSWORD,
                "csrf", browser.csrf());
        assertThat(signIn.statusCode()).as("sign-in answer").isEqualTo(303);
        return browser;
    }

    Response get(String path) {
        return absorb(request().get(path));
    }

    /** Posts the form {@code nameValuePairs} (a name may repeat, like checkboxes). */
    Response post(String path, String... nameValuePairs) {
        RequestSpecification request = request().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            request.formParam(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return absorb(request.post(path));
    }

    /** The CSRF token of the last page's forms. */
    String csrf() {
        Matcher matcher = CSRF.matcher(lastPage);
        assertThat(matcher.find()).as("a CSRF field on the page").isTrue();
        return matcher.group(1);
    }

    String cookie(String name) {
        return cookies.get(name);
    }

    void forget(String name) {
        cookies.remove(name);
    }

    void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    private RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies);
    }

    private Response absorb(Response response) {
        List<String> setCookies = response.headers().getValues("Set-Cookie");
        for (String header : setCookies) {
            String pair = header.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (header.contains("Max-Age=0") || value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        String contentType = response.contentType();
        if (contentType != null && contentType.startsWith("text/html")) {
            lastPage = response.body().asString();
        }
        return response;
    }
}
