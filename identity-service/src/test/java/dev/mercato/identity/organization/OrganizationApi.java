package dev.mercato.identity.organization;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import dev.mercato.identity.token.OAuthTestClient;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Builds organizations and users through the public API, as an operator would. */
final class OrganizationApi {

    private OrganizationApi() {
    }

    static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token);
    }

    static String admin() {
        return OAuthTestClient.adminToken();
    }

    /** Creates an organization in {@code collection} (distributors, partners, tenants, vendors); returns its id. */
    static String create(String token, String collection, String name, String parentId) {
        String parent = parentId == null ? "" : ", \"parentId\": \"" + parentId + "\"";
        return as(token).body("{\"name\": \"" + name + "\", \"countryCode\": \"FI\"" + parent + "}")
                .post("/api/v1/" + collection)
                .then().statusCode(201).extract().path("data.id");
    }

    /** A user with {@code role} in {@code organizationId}, logged in: its access token. */
    static String loginAs(String organizationId, String role) {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        String password = "correct-horse-battery-" + UUID.randomUUID();
        as(admin()).body("""
                {"email": "%s", "name": "Test User", "organizationId": "%s", "role": "%s", "password": "%s"}"""
                .formatted(email, organizationId, role, password))
                .post("/api/v1/users").then().statusCode(201);
        return given().contentType(ContentType.JSON)
                .body("{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}")
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("access_token");
    }

    static String uniqueCsn() {
        return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()) % 9_000_000_000L + 1_000_000_000L);
    }
}
