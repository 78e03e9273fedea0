package dev.mercato.identity.hostile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.identity.token.OAuthTestClient;
import dev.mercato.testkit.RawHttp;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Input crafted to break the service — NUL in ids, bearer tokens of dots, duplicate JSON keys, bytes
 * that are not UTF-8, values of the wrong JSON type, oversized fields and bodies — is refused with a
 * 4xx in the error shape, naming the field where there is one.
 */
@QuarkusTest
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RequestSpecification admin() {
        return given().urlEncodingEnabled(false).auth().oauth2(OAuthTestClient.adminToken()).contentType(ContentType.JSON);
    }

    private static void refusedInErrorShape(ValidatableResponse response, int status) {
        response.statusCode(status).contentType(ContentType.JSON).body("code", equalTo(status))
                .body("message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
    }

    @Test
    void refusesNulAndControlCharactersInPathIdsAndQueriesWith400() {
        List<String> gets = List.of("/api/v1/tenants/%00", "/api/v1/customers/%00", "/api/v1/partners/%00",
                "/api/v1/vendors/%00", "/api/v1/distributors/%00", "/api/v1/users/%00", "/api/v1/applications/%00",
                "/api/v1/api-keys/%00", "/api/v1/settings?organizationId=%00", "/api/v1/tenants/a%01b",
                "/api/v1/tenants/a%7Fb", "/api/v1/tenants/%C0%AF", "/api/v1/tenants?name=a%00b");
        for (String path : gets) {
            refusedInErrorShape(admin().get(path).then(), 400);
        }
        refusedInErrorShape(admin().post("/api/v1/applications/%00/rotate-secret").then(), 400);
        refusedInErrorShape(admin().post("/api/v1/applications/%00/revoke").then(), 400);
        refusedInErrorShape(admin().body("{\"name\": \"x\"}").patch("/api/v1/users/%00").then(), 400);
        admin().get("/api/v1/settings?organizationId=%00").then().body("errors[0].field", equalTo("organizationId"));
        admin().get("/api/v1/tenants/%00").then().body("errors[0].field", equalTo("path"));
    }

    @Test
    void refusesABearerTokenOfOnlyDotsWith401OnEveryRoute() throws Exception {
        JsonNode paths = JSON.readTree(given().accept("application/json").get("/q/openapi?format=json").asString())
                .path("paths");
        int routes = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            if (path.getKey().equals("/oauth/token")) {
                continue; // a plain Vert.x route that authenticates clients by form or Basic, never by bearer
            }
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "x");
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String method = methods.next().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                routes++;
                for (String dots : List.of(".", "..", "...")) {
                    given().header("Authorization", "Bearer " + dots).contentType(ContentType.JSON).body("{}")
                            .request(method, concrete)
                            .then().statusCode(401).body("code", equalTo(401))
                            .header("WWW-Authenticate", startsWith("Bearer"));
                }
            }
        }
        assertThat(routes).as("routes in the OpenAPI document").isGreaterThan(20);
    }

    @Test
    void refusesDuplicateJsonKeysNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"email\":\"a@example.com\",\"password\":\"x\",\"password\":\"y\"}")
                .post("/api/v1/auth/login").then().statusCode(400).body("code", equalTo(400))
                .body("errors[0].field", equalTo("password"));
        admin().body("{\"branding\": {\"displayName\": \"a\", \"displayName\": \"b\"}}").put("/api/v1/settings")
                .then().statusCode(400).body("errors[0].field", equalTo("branding.displayName"));
        admin().body("{\"name\": \"a\", \"name\": \"b\", \"scopes\": [\"read:customers\"]}").post("/api/v1/applications")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        admin().body("{\"name\": \"a\", \"countryCode\": \"FI\", \"metadata\": {\"k\": 1, \"k\": 2}}")
                .post("/api/v1/distributors").then().statusCode(400).body("errors[0].field", equalTo("metadata.k"));
    }

    @Test
    void refusesBodiesThatAreNotUtf8() {
        byte[] overlongSlash = bytes("{\"name\": \"a", 0xC0, 0xAF, "b\", \"countryCode\": \"FI\"}");
        byte[] surrogate = bytes("{\"name\": \"a", 0xED, 0xA0, 0x80, "\", \"countryCode\": \"FI\"}");
        byte[] latin1 = bytes("{\"name\": \"caf", 0xE9, "\", \"countryCode\": \"FI\"}");
        byte[] utf16 = "{\"name\": \"a\", \"countryCode\": \"FI\"}".getBytes(StandardCharsets.UTF_16BE);
        for (byte[] body : List.of(overlongSlash, surrogate, latin1, utf16)) {
            admin().body(body).post("/api/v1/distributors").then().statusCode(400).body("code", equalTo(400))
                    .body("errors[0].field", equalTo("body"));
        }
        given().contentType(ContentType.JSON).body(bytes("{\"email\": \"a", 0xC0, 0xAF, "@example.com\", \"password\": \"x\"}"))
                .post("/api/v1/auth/login").then().statusCode(400);
    }

    @Test
    void refusesTrailingContentAfterTheJsonDocument() {
        for (String trailing : List.of(" {}", "]", " null", "x", "{\"name\": \"b\"}")) {
            admin().body("{\"name\": \"a\", \"countryCode\": \"FI\"}" + trailing).post("/api/v1/distributors")
                    .then().statusCode(400).body("code", equalTo(400));
        }
    }

    @Test
    void refusesValuesOfTheWrongJsonTypeNamingTheField() {
        given().contentType(ContentType.JSON).body("{\"email\": \"a@example.com\", \"password\": 12345}")
                .post("/api/v1/auth/login").then().statusCode(400)
                .body("errors[0].field", equalTo("password")).body("errors[0].message", equalTo("must be a string"));
        given().contentType(ContentType.JSON).body("{\"email\": true, \"password\": \"x\"}")
                .post("/api/v1/auth/login").then().statusCode(400).body("errors[0].field", equalTo("email"));
        Map<String, String> wrong = Map.of(
                "\"name\": 1.5", "name",
                "\"name\": \"a\", \"billingDay\": \"5\"", "billingDay",
                "\"name\": \"a\", \"billingDay\": 5.5", "billingDay",
                "\"name\": \"a\", \"billingDay\": true", "billingDay",
                "\"name\": \"a\", \"status\": 0", "status",
                "\"name\": \"a\\u0000b\"", "name");
        wrong.forEach((fields, field) -> admin().body("{" + fields + ", \"countryCode\": \"FI\"}")
                .post("/api/v1/distributors").then().statusCode(400).body("errors[0].field", equalTo(field)));
    }

    @Test
    void capsMetadataKeysValuesAndCount() {
        String manyKeys = IntStream.range(0, 51).mapToObj(i -> "\"k" + i + "\": " + i).collect(Collectors.joining(", "));
        Map<String, String> refused = Map.of(
                "{\"k\": \"" + "v".repeat(501) + "\"}", "value of 'k' must be at most 500 characters",
                "{\"" + "k".repeat(41) + "\": 1}", "must be 1 to 40 characters",
                "{" + manyKeys + "}", "may hold at most 50 keys",
                "{\"k\": {\"nested\": 1}}", "must be a string, number, boolean or null",
                "{\"k\": [1, 2]}", "must be a string, number, boolean or null",
                "{\"\": 1}", "must be 1 to 40 characters");
        refused.forEach((metadata, message) -> admin()
                .body("{\"name\": \"capped\", \"countryCode\": \"FI\", \"metadata\": " + metadata + "}")
                .post("/api/v1/distributors").then().statusCode(400)
                .body("errors[0].field", equalTo("metadata")).body("errors[0].message", containsString(message)));
        admin().body("{\"name\": \"capped\", \"countryCode\": \"FI\", \"metadata\": {\"k\": \"" + "v".repeat(500)
                + "\", \"seats\": 10, \"trial\": true, \"note\": null}}")
                .post("/api/v1/distributors").then().statusCode(201);
    }

    @Test
    void capsFreeFormFieldsNamingTheField() {
        admin().body("{\"name\": \"" + "n".repeat(201) + "\", \"countryCode\": \"FI\"}").post("/api/v1/distributors")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        admin().body("{\"name\": \"a\", \"countryCode\": \"FI\", \"address\": {\"line1\": \"" + "l".repeat(201) + "\"}}")
                .post("/api/v1/distributors").then().statusCode(400).body("errors[0].field", equalTo("address.line1"));
        admin().body("{\"name\": \"a\", \"description\": \"" + "d".repeat(1001) + "\", \"scopes\": [\"read:customers\"]}")
                .post("/api/v1/applications").then().statusCode(400).body("errors[0].field", equalTo("description"));
        admin().body("{\"name\": \"a\", \"scopes\": [\"" + "s".repeat(101) + "\"]}")
                .post("/api/v1/applications").then().statusCode(400).body("errors[0].field", startsWith("scopes"));
        admin().body("{\"email\": \"big@example.com\", \"name\": \"a\", \"role\": \"PLATFORM_READER\", \"password\": \""
                + "p".repeat(1025) + "\"}").post("/api/v1/users").then().statusCode(400)
                .body("errors[0].field", equalTo("password"));
    }

    @Test
    void refusesABodyAboveTheLimitWith413InTheErrorShape() throws Exception {
        String big = "{\"name\": \"big\", \"countryCode\": \"FI\", \"metadata\": {\"x\": \"" + "a".repeat(1_100_000) + "\"}}";
        RawHttp.Answer answer = RawHttp.send(RestAssured.port, "POST", "/api/v1/distributors".getBytes(StandardCharsets.US_ASCII),
                Map.of("Authorization", "Bearer " + OAuthTestClient.adminToken(), "Content-Type", "application/json"),
                big.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(413);
        assertThat(JSON.readTree(answer.body()).path("code").asInt()).isEqualTo(413);
    }

    /** Text and raw bytes, in order, as one body. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
