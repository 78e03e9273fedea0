package dev.mercato.catalog.discount;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.mercato.platform.security.Role;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Organizations, bodies and calls the discount tests share. */
final class DiscountFixtures {

    static final TestOrganization PLATFORM = OrganizationEvents.PLATFORM;

    private DiscountFixtures() {
    }

    /** Publishes {@code organizations} into catalog's organizations read model and waits until it holds them. */
    static void publish(TestOrganization... organizations) {
        for (TestOrganization organization : organizations) {
            OrganizationEvents.send(organization, organization.kind() + " " + organization.id(), "FI", 0);
        }
        List<String> ids = List.of(organizations).stream().map(TestOrganization::id).toList();
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id ->
                TestSql.number("select count(*) from directory_organization where id = ?", id) == 1));
    }

    /** A token of {@code role} in {@code organization} whose client the rate limit never stops: tests send many requests. */
    static String token(Role role, TestOrganization organization) {
        return TestTokens.builder(role, organization.id(), organization.path()).rateLimits(1_000_000, 1_000_000).mint();
    }

    /** A code no other test uses. */
    static String uniqueCode() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** A valid 10 % discount with a fresh code, redeemed only by code (not applied automatically). */
    static Map<String, Object> percentageBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "PERCENTAGE");
        body.put("percentage", 10);
        body.put("code", uniqueCode());
        body.put("description", "Ten percent off");
        body.put("autoApply", false);
        return body;
    }

    /** {@code base} with {@code changes} applied; a null value removes the field. */
    static Map<String, Object> with(Map<String, Object> base, Object... changes) {
        Map<String, Object> body = new LinkedHashMap<>(base);
        for (int i = 0; i < changes.length; i += 2) {
            String field = (String) changes[i];
            if (changes[i + 1] == null) {
                body.remove(field);
            } else {
                body.put(field, changes[i + 1]);
            }
        }
        return body;
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json").accept("application/json");
    }

    static Response create(String token, Map<String, Object> body) {
        return as(token).body(body).post("/api/v1/discounts");
    }

    /** Creates a discount and returns its id, failing unless it was created. */
    static String created(String token, Map<String, Object> body) {
        Response response = create(token, body);
        if (response.statusCode() != 201) {
            throw new AssertionError("expected 201, got " + response.statusCode() + ": " + response.asString());
        }
        return Objects.requireNonNull(response.path("data.id"));
    }

    /** A new listing of the caller's vendor; returns its id. */
    static String listing(String token) {
        return as(token).body("""
                {"vendor": "direct", "name": "Discounted listing", "currency": "eur"}""")
                .post("/api/v1/listings").then().statusCode(201).extract().path("data.id");
    }

    /** A new draft plan of the caller's vendor; returns its id. */
    static String plan(String token) {
        return as(token).body("""
                {"name": "Discounted plan", "currency": "eur"}""")
                .post("/api/v1/plans").then().statusCode(201).extract().path("data.id");
    }

    /** A new article of the caller's vendor with a fresh SKU; returns the SKU. */
    static String article(String token) {
        String sku = "D-" + uniqueCode();
        as(token).body("{\"sku\": \"" + sku + "\"}").post("/api/v1/articles").then().statusCode(201);
        return sku;
    }

    static Response redeem(String token, String discountId, Map<String, Object> body) {
        return as(token).body(body).post("/api/v1/discounts/" + discountId + "/redemptions");
    }
}
