package dev.mercato.systemtest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.openqa.selenium.By;

import com.sun.net.httpserver.HttpServer;

import io.restassured.path.json.JsonPath;

/**
 * Journeys through the web console in a real Chromium against the whole suite with the demo marketplace: what each
 * page shows comes from the services' APIs with the signed-in user's token, so these check the console and the APIs
 * together, as a user meets them.
 */
final class ConsoleJourneys {

    static final String ADMIN_EMAIL = "admin@mercato.example";
    static final String ADMIN_PASSWORD = "change-me-please-42";

    private ConsoleJourneys() {
    }

    /**
     * The platform admin signs in, creates an OAuth application and sees its secret once (the secret then works at
     * identity's token endpoint), an API key shown once (it then works at identity's API-key sign-in), creates a webhook endpoint on a receiver here with "save and test" (the receiver gets
     * a test event whose signature verifies with the secret the page showed once), and sees the demo's tenants.
     */
    static void platformAdmin(Suite suite) throws Exception {
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver(deliveries);
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/console-journey";
        try (ConsoleBrowser browser = ConsoleBrowser.open(suite.consoleUrl())) {
            assertThat(browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).isEqualTo("Welcome, Platform Admin");
            browser.screenshot("suite-01-home-platform");

            browser.go("/settings/integrations/api-access");
            browser.find(By.id("app-name")).sendKeys("Console journey");
            browser.find(By.cssSelector("input[name=scopes][value='read:customers']")).click();
            browser.find(By.xpath("//button[text()='Create application']")).click();
            String clientId = browser.find(By.id("client-id")).getAttribute("value");
            String clientSecret = browser.find(By.id("client-secret")).getAttribute("value");
            browser.screenshot("suite-02-application-secret-once");
            browser.driver.navigate().refresh();
            assertThat(browser.driver.findElements(By.id("client-secret"))).isEmpty();
            given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "client_credentials")
                    .formParam("client_id", clientId).formParam("client_secret", clientSecret)
                    .post(suite.url("identity") + "/oauth/token")
                    .then().statusCode(200);

            browser.go("/settings/integrations/api-access/keys");
            browser.find(By.id("key-name")).sendKeys("Console journey key");
            browser.find(By.cssSelector("input[name=scopes][value='read:customers']")).click();
            browser.find(By.xpath("//button[text()='Create API key']")).click();
            String apiKey = browser.find(By.id("api-key")).getAttribute("value");
            browser.screenshot("suite-02b-api-key-once");
            browser.driver.navigate().refresh();
            assertThat(browser.driver.findElements(By.id("api-key"))).isEmpty();
            given().header("Authorization", "Basic " + apiKey).post(suite.url("identity") + "/api/v1/auth")
                    .then().statusCode(200);

            browser.go("/settings/integrations/webhooks");
            browser.find(By.id("hook-url")).sendKeys(url);
            browser.find(By.id("hook-description")).sendKeys("Created in the console");
            browser.find(By.cssSelector("button[name=action][value=test]")).click();
            String secret = browser.find(By.id("webhook-secret")).getAttribute("value");
            assertThat(browser.find(By.id("test-heading")).getText()).isEqualTo("Test delivery: delivered");
            browser.screenshot("suite-03-webhook-saved-and-tested");
            assertThat(deliveries).hasSize(1);
            Delivery test = deliveries.get(0);
            assertThat(JsonPath.from(test.body()).getString("event")).isEqualTo("webhook.test");
            new com.standardwebhooks.Webhook(secret).verify(test.body(), test.headers());

            browser.go("/organizations/tenants");
            assertThat(browser.main()).contains("Acme Manufacturing Oy", "Baltic Logistics AS");
            browser.screenshot("suite-04-tenants");
        } finally {
            receiver.stop(0);
            removeEndpoint(suite, url);
        }
    }

    /**
     * The platform admin places an INITIAL order for the second demo tenant with the order form — a dry-run preview
     * first, then the order — and watches the transaction's page turn PROCESSED by itself; sees the demo month's
     * usage as charts with data (the window ending on the business day, which the demo moved ahead); and downloads an
     * invoice the demo month finalized as CSV, with billing's columns and that invoice's lines.
     */
    static void ordersUsageAndInvoices(Suite suite) throws Exception {
        String token = suite.adminToken();
        JsonPath baltic = JsonPath.from(given().auth().oauth2(token).queryParam("name", "Baltic Logistics AS")
                .get(suite.url("identity") + "/api/v1/tenants").then().statusCode(200).extract().asString());
        String price = "usd".equals(baltic.getString("data[0].currency")) ? "1200" : "1100"; // CM-LOGS-1Y, the demo's
        String today = given().auth().oauth2(token).get(suite.url("order") + "/api/v1/test-clock")
                .then().statusCode(200).extract().<String>path("data.now").substring(0, 10);

        try (ConsoleBrowser browser = ConsoleBrowser.open(suite.consoleUrl())) {
            browser.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

            browser.go("/orders/new?type=INITIAL");
            browser.setValue(By.id("order-deliveryDate"), today);
            Map<String, String> typed = new LinkedHashMap<>();
            typed.put("order-purchaseOrderNumber", "CONSOLE-JOURNEY-1");
            typed.put("order-resellerSiteId", "CONSOLE");
            typed.put("order-contactFirstName", "Mari");
            typed.put("order-contactLastName", "Tamm");
            typed.put("order-contactEmail", "mari.tamm@baltic.example");
            typed.put("order-customerCsn", baltic.getString("data[0].customerNumber"));
            typed.put("order-customerName", "Baltic Logistics AS");
            typed.put("item-1-sku", "CM-LOGS-1Y");
            typed.put("item-1-quantity", "1");
            typed.put("item-1-price", price);
            typed.forEach((id, value) -> browser.find(By.id(id)).sendKeys(value));
            browser.find(By.cssSelector("button[name=action][value=preview]")).click();
            assertThat(browser.find(By.id("preview-heading")).getText()).isEqualTo("Preview: the order would be processed");
            browser.screenshot("suite-07-order-preview");
            browser.find(By.cssSelector("button[name=action][value=place]")).click();
            browser.await(Duration.ofSeconds(90), driver -> "PROCESSED".equals(
                    driver.findElement(By.cssSelector("#transaction-status [data-status]")).getAttribute("data-status")));
            assertThat(browser.driver.getCurrentUrl()).contains("/orders/transactions/");
            JsonPath processed = JsonPath.from(given().auth().oauth2(token).get(suite.url("order") + "/api/v1/transactions/"
                    + browser.driver.getCurrentUrl().replaceAll(".*/", "")).then().statusCode(200).extract().asString());
            assertThat(browser.find(By.id("transaction-details")).getText()) // filled in with the status, no reload
                    .contains(processed.getString("data.contractNumber"), processed.getString("data.items[0].serialNumber"));
            browser.screenshot("suite-08-order-processed");

            browser.go("/usage?until=" + today);
            assertThat(browser.driver.findElements(By.cssSelector("svg"))).isNotEmpty();
            assertThat(browser.driver.getPageSource()).contains("api_calls per day")
                    .containsPattern("<title>[0-9-]+: [1-9][0-9.]* api_calls</title>");
            browser.screenshot("suite-09-usage");

            browser.go("/billing?status=FINALIZED");
            browser.find(By.cssSelector("main table tbody tr td a")).click();
            String invoiceId = browser.driver.getCurrentUrl().replaceAll(".*/billing/invoices/", "");
            browser.screenshot("suite-10-invoice");
            Path csv = browser.download(By.linkText("Download as CSV"));
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines.get(0)).startsWith("invoice_id,invoice_number,");
            assertThat(lines.subList(1, lines.size())).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith(invoiceId + ","));
        }
    }

    /** The endpoint the journey made goes with its receiver, so nothing after it sends to a closed port. */
    private static void removeEndpoint(Suite suite, String url) {
        String token = suite.adminToken();
        List<String> ids = given().auth().oauth2(token).queryParam("url", url).get(suite.url("webhook") + "/api/v1/webhooks")
                .then().statusCode(200).extract().path("data.id");
        ids.forEach(id -> given().auth().oauth2(token).delete(suite.url("webhook") + "/api/v1/webhooks/" + id)
                .then().statusCode(204));
    }

    /**
     * A tenant's admin signs in and sees its own organization; editing the URL to the other demo tenant's page shows
     * "Not found", to its partner's "Not allowed" — the console shows only what the API lets that user read.
     */
    static void tenantSeesOnlyItsOwn(Suite suite) throws Exception {
        String token = suite.adminToken();
        String acme = tenantId(suite, token, "Acme Manufacturing Oy");
        JsonPath baltic = JsonPath.from(given().auth().oauth2(token).queryParam("name", "Baltic Logistics AS")
                .get(suite.url("identity") + "/api/v1/tenants").then().statusCode(200).extract().asString());
        String balticId = baltic.getString("data[0].id");
        String partnerId = baltic.getString("data[0].parentId");
        String email = "acme-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.example";
        String password = "acme-" + UUID.randomUUID();
        given().auth().oauth2(token).contentType("application/json")
                .body("""
                        {"email": "%s", "name": "Aino Acme", "organizationId": "%s", "role": "TENANT_ADMIN",
                         "password": "%s"}""".formatted(email, acme, password))
                .post(suite.url("identity") + "/api/v1/users").then().statusCode(201);

        try (ConsoleBrowser browser = ConsoleBrowser.open(suite.consoleUrl())) {
            assertThat(browser.signIn(email, password)).isEqualTo("Welcome, Aino Acme");
            browser.screenshot("suite-05-home-tenant");

            browser.go("/organizations/tenants/" + acme);
            assertThat(browser.main()).contains("Acme Manufacturing Oy");
            // another tenant: as if it did not exist
            browser.go("/organizations/tenants/" + balticId);
            assertThat(browser.heading()).isEqualTo("Not found");
            assertThat(browser.main()).doesNotContain("Baltic Logistics AS");
            // its partner: a tenant's role may not read partners at all (no read:organizations), and says so
            browser.go("/organizations/partners/" + partnerId);
            assertThat(browser.heading()).isEqualTo("Not allowed");
            assertThat(browser.main()).doesNotContain("Helsinki Cloud Partners Oy");
            browser.screenshot("suite-06-tenant-edits-the-url");
        }
    }

    private static String tenantId(Suite suite, String token, String name) {
        return given().auth().oauth2(token).queryParam("name", name).get(suite.url("identity") + "/api/v1/tenants")
                .then().statusCode(200).extract().path("data[0].id");
    }

    /** A delivery as the receiver got it, header names in lower case. */
    record Delivery(String body, Map<String, List<String>> headers) {
    }

    private static HttpServer receiver(List<Delivery> deliveries) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, List<String>> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
                deliveries.add(new Delivery(body, headers));
                byte[] answer = "thanks".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
        return server;
    }
}
