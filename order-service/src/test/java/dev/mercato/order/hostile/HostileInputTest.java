package dev.mercato.order.hostile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.security.Role;
import dev.mercato.testkit.HostileRequests;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Input crafted to break order-service — NUL in ids, bearer tokens of dots, thousands of malformed
 * requests — is answered with a 4xx in the error shape, never a 5xx.
 */
@QuarkusTest
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestOrganization PLATFORM = TestOrganization.platform();

    @Test
    void refusesNulAndControlCharactersInPathIdsAndQueriesWith400() {
        String token = TestTokens.forRole(Role.PLATFORM_ADMIN, PLATFORM);
        for (String path : List.of("/api/v1/accounts/%00", "/api/v1/accounts/a%01b", "/api/v1/accounts/%C0%AF",
                "/api/v1/accounts?name=%00", "/api/v1/accounts?filter=name%20eq%20%27%00%27")) {
            given().urlEncodingEnabled(false).auth().oauth2(token).get(path)
                    .then().statusCode(400).contentType(ContentType.JSON).body("code", equalTo(400));
        }
    }

    @Test
    void refusesABearerTokenOfOnlyDotsWith401OnEveryRoute() throws Exception {
        JsonNode paths = JSON.readTree(given().accept("application/json").get("/q/openapi?format=json").asString())
                .path("paths");
        int routes = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "x");
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext();) {
                String method = methods.next().toUpperCase();
                routes++;
                for (String dots : List.of(".", "..", "...")) {
                    given().header("Authorization", "Bearer " + dots).request(method, concrete)
                            .then().statusCode(401).body("code", equalTo(401))
                            .header("WWW-Authenticate", startsWith("Bearer"));
                }
            }
        }
        assertThat(routes).as("routes in the OpenAPI document").isGreaterThanOrEqualTo(3);
    }

    @Test
    void answersNoMalformedRequestWithAServerError() throws Exception {
        // a fresh client id every 40 requests keeps the per-client rate limit from answering everything
        AtomicInteger used = new AtomicInteger();
        String[] token = { null };
        HostileRequests.Tally tally = new HostileRequests(RestAssured.port, 20_261_202L, () -> {
            if (used.getAndIncrement() % 40 == 0) {
                token[0] = TestTokens.forRole(Role.PLATFORM_ADMIN, PLATFORM);
            }
            return token[0];
        })
                .endpoint("GET", "/api/v1/accounts", null)
                .endpoint("GET", "/api/v1/accounts/{id}", null)
                .endpoint("GET", "/api/v1/accounts/-dump", null)
                .send(1500);

        System.out.println("malformed requests to order-service: " + tally);
        assertThat(tally.serverErrors()).isEmpty();
        assertThat(tally.byStatus().keySet()).allMatch(status -> status >= 200 && status < 500);
    }
}
