package dev.mercato.systemtest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The marketplace as its users meet it, across the real processes {@code ./mercato up} starts, each actor with
 * its own credentials: the platform creates a distributor, which creates a partner, which onboards a tenant; a
 * vendor publishes a listing with two dimensions, an article and a tiered plan and sends the tenant a private
 * offer; the tenant accepts; the order is processed and the subscription and entitlement appear. Meanwhile the
 * webhook endpoints of the tenant, of its partner (with descendants) and of a foreign partner receive what they
 * may see, each delivery verified both ways a receiver can (Standard Webhooks and the hex HMAC of the body); the
 * foreign partner receives nothing.
 */
class MarketplaceScenarioSystemTest {

    private static final Suite SUITE = new Suite();
    private static final String PASSWORD = "scenario-" + UUID.randomUUID();
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private static HttpServer receiver;
    private static final List<Delivery> DELIVERIES = new CopyOnWriteArrayList<>();

    /** One webhook delivery as the receiver got it. */
    record Delivery(String endpoint, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase(name))
                    .map(header -> header.getValue().getFirst()).findFirst().orElse(null);
        }

        String event() {
            return JsonPath.from(body).getString("event");
        }
    }

    @BeforeAll
    static void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            DELIVERIES.add(new Delivery(exchange.getRequestURI().getPath().substring(1),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        SUITE.up();
    }

    @AfterAll
    static void stop() {
        SUITE.down();
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void onboardingSellingAndItsNotifications() throws Exception {
        String platform = SUITE.adminToken();

        // the channel: platform → distributor → partner → tenant, each acting with its own user
        String distributor = create(platform, "distributors", json("name", "Scenario Distribution AB", "countryCode", "SE",
                "currency", "eur"));
        String distributorToken = userOf(platform, distributor, "DISTRIBUTOR_ADMIN");
        String partner = create(distributorToken, "partners", json("name", "Scenario Partners Oy", "countryCode", "FI",
                "parentId", distributor));
        String partnerToken = userOf(distributorToken, partner, "PARTNER_ADMIN");
        String otherDistributor = create(platform, "distributors", json("name", "Foreign Distribution GmbH",
                "countryCode", "DE", "currency", "eur"));
        String foreign = create(platform, "partners", json("name", "Foreign Partners GmbH", "countryCode", "DE",
                "parentId", otherDistributor));
        String foreignToken = userOf(platform, foreign, "PARTNER_ADMIN");
        Map<String, String> secrets = Map.of(
                "partner", endpoint(partnerToken, "partner"),
                "foreign", endpoint(foreignToken, "foreign"));

        String tenant = create(partnerToken, "tenants", json("name", "Scenario Manufacturing Oy", "countryCode", "FI",
                "parentId", partner, "currency", "eur"));
        String tenantToken = userOf(partnerToken, tenant, "TENANT_ADMIN");
        Map<String, String> allSecrets = new java.util.HashMap<>(secrets);
        allSecrets.put("tenant", endpoint(tenantToken, "tenant"));

        // the vendor's catalogue: a listing with two dimensions, an article and a tiered plan, published
        String vendor = create(platform, "vendors", json("name", "Scenario Software Inc", "countryCode", "US",
                "currency", "eur"));
        String vendorToken = userOf(platform, vendor, "VENDOR_ADMIN");
        String listing = catalog(vendorToken, "/api/v1/listings", """
                {"vendorId": "%s", "vendor": "direct", "name": "Scenario Analytics", "currency": "eur", "dimensions": [
                  {"key": "api_calls", "title": "API calls", "unit": "call", "pricePerUnit": 0.001},
                  {"key": "storage_gb", "title": "Storage", "unit": "GB-month", "pricePerUnit": 0.25, "decimals": 3}]}"""
                .formatted(vendor), 201).getString("data.id");
        catalog(vendorToken, "/api/v1/articles", """
                {"vendorId": "%s", "sku": "SC-ANALYTICS-1Y", "shortDescription": "Scenario Analytics, annual",
                 "contractType": "SUBSCRIPTION", "contractTerm": 12, "supportedOrderTypes": ["INITIAL", "RENEWAL", "ADD_SEAT"],
                 "startDate": "2026-01-01", "purPrice": {"eur": 900}, "srpPrice": {"eur": 1200}}""".formatted(vendor), 201);
        String plan = catalog(vendorToken, "/api/v1/plans", """
                {"vendorId": "%s", "name": "Scenario Team", "description": "Seats and API calls", "currency": "eur",
                 "pricingPeriod": "MONTHLY", "listingId": "%s", "priceDefinitions": [
                  {"costTypeCategory": "RECURRING", "pricingStrategy": "UNIT", "unit": "USER",
                   "priceRanges": [{"min": 0, "salePrice": 10, "wholeSalePrice": 8}]},
                  {"costTypeCategory": "USAGE", "pricingStrategy": "TIERED", "unit": "CALL", "listingId": "%s",
                   "dimensionKey": "api_calls", "priceRanges": [{"min": 0, "max": 1000, "salePrice": 0.10},
                   {"min": 1000, "salePrice": 0.05}]}]}""".formatted(vendor, listing, listing), 201).getString("data.id");
        catalog(vendorToken, "/api/v1/plans/" + plan + "/publish", null, 200);

        // the private offer, sent by the vendor and accepted by the tenant
        String offer = catalog(vendorToken, "/api/v1/private-offers", """
                {"listingId": "%s", "customerId": "%s", "title": "Analytics for Scenario Manufacturing",
                 "pricing": {"discountPercentage": 15, "duration": 12}}""".formatted(listing, tenant), 201)
                .getString("data.id");
        catalog(vendorToken, "/api/v1/private-offers/" + offer + "/send", null, 200);
        catalog(tenantToken, "/api/v1/private-offers/" + offer + "/accept", null, 200);

        // order-service turns the acceptance into an INITIAL transaction, a subscription and an entitlement
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                get(tenantToken, "order", "/api/v1/transactions")
                        .getList("data.findAll { it.status == 'PROCESSED' && it.orderType == 'INITIAL' }"))
                .isNotEmpty());
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                get(tenantToken, "order", "/api/v1/entitlements?customerId=" + tenant).getList("data.listingId"))
                .contains(listing));
        assertThat(get(tenantToken, "order", "/api/v1/subscriptions").getList("data")).isNotEmpty();

        // notifications: the tenant and its partner hear of it, each delivery verifiable; the foreign partner hears nothing
        Set<String> sold = Set.of("privateOffer.accepted", "transaction.processed", "subscription.created",
                "entitlement.updated");
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(eventsAt("tenant")).containsAll(sold);
            assertThat(eventsAt("partner")).containsAll(sold).contains("customer.created");
        });
        Thread.sleep(3000); // anything misrouted would have arrived with the rest
        assertThat(eventsAt("foreign")).isEmpty();
        for (Delivery delivery : DELIVERIES) {
            String secret = allSecrets.get(delivery.endpoint());
            assertThat(delivery.header("X-Mercato-Signature")).as("hex HMAC of %s", delivery.event())
                    .isEqualTo(hexHmac(secret, delivery.body()));
            new com.standardwebhooks.Webhook(secret).verify(delivery.body(), Map.of(
                    "webhook-id", List.of(delivery.header("webhook-id")),
                    "webhook-timestamp", List.of(delivery.header("webhook-timestamp")),
                    "webhook-signature", List.of(delivery.header("webhook-signature"))));
        }
        assertThat(DELIVERIES.stream().filter(delivery -> delivery.endpoint().equals("partner")
                        && delivery.event().equals("customer.created")
                        && tenant.equals(JsonPath.from(delivery.body()).getString("data.id")))
                .map(delivery -> delivery.header("webhook-id")).distinct().count())
                .as("the partner is told of the tenant's creation, once").isOne();
    }

    // ---- the actors' calls ---------------------------------------------------------------------------------

    private static String create(String token, String collection, String body) {
        Response created = given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post(SUITE.url("identity") + "/api/v1/" + collection);
        assertThat(created.statusCode()).as("POST %s: %s", collection, created.asString()).isEqualTo(201);
        return created.path("data.id");
    }

    /** Creates an admin user of {@code organization} with {@code role} and answers its access token (password login). */
    private static String userOf(String token, String organization, String role) {
        String email = role.toLowerCase() + "." + organization.substring(organization.length() - 8) + "@scenario.example";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(json("email", email, "name", role,
                        "role", role, "password", PASSWORD, "organizationId", organization))
                .post(SUITE.url("identity") + "/api/v1/users").then().statusCode(201);
        return given().contentType(ContentType.JSON).body(json("email", email, "password", PASSWORD))
                .post(SUITE.url("identity") + "/api/v1/auth/login")
                .then().statusCode(200).extract().path("access_token");
    }

    /** A webhook endpoint of the caller's organization (with its descendants) at the receiver; answers its secret. */
    private static String endpoint(String token, String name) {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/" + name;
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(json("url", url, "description", name + " receiver").replace("}", ", \"includeDescendants\": true}"))
                .post(SUITE.url("webhook") + "/api/v1/webhooks").then().statusCode(201).extract().path("data.secret");
    }

    /** A catalog call, retried while catalog-service has not yet read the organizations it names (4xx). */
    private static JsonPath catalog(String token, String path, String body, int expected) {
        Response[] answer = new Response[1];
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
            var request = given().auth().oauth2(token).contentType(ContentType.JSON);
            answer[0] = (body == null ? request : request.body(body)).post(SUITE.url("catalog") + path);
            return answer[0].statusCode() == expected || answer[0].statusCode() >= 500;
        });
        assertThat(answer[0].statusCode()).as("POST %s: %s", path, answer[0].asString()).isEqualTo(expected);
        return answer[0].jsonPath();
    }

    private static JsonPath get(String token, String service, String path) {
        return given().auth().oauth2(token).get(SUITE.url(service) + path).then().statusCode(200).extract().jsonPath();
    }

    private static Set<String> eventsAt(String endpoint) {
        return DELIVERIES.stream().filter(delivery -> delivery.endpoint().equals(endpoint)).map(Delivery::event)
                .collect(Collectors.toSet());
    }

    /** A JSON object of string members (this module has no JSON library but rest-assured's reader). */
    private static String json(String... namesAndValues) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            json.append(i == 0 ? "" : ", ").append(quoted(namesAndValues[i])).append(": ").append(quoted(namesAndValues[i + 1]));
        }
        return json.append('}').toString();
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String hexHmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
