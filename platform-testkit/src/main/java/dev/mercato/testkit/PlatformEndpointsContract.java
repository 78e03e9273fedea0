package dev.mercato.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.mercato.platform.security.Scopes;

/**
 * What every service offers operators, checked the same way in each: extend it with a
 * {@code @QuarkusTest} class. Health (readiness includes the database and Kafka), metrics, OpenAPI,
 * Swagger UI, request ids, the error shape for paths that do not exist, and rate-limit headers on
 * the API; all of it without an access token. And that the OpenAPI document declares the scopes of every API
 * operation, as the fuzzer's authorization matrix (bench/Fuzz.java) reads them.
 */
public abstract class PlatformEndpointsContract {

    @Test
    void reportsLiveAndReadyWithDatabaseAndKafkaChecks() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        // A service may be DOWN for its first seconds (metering loads its in-memory read models): ready within 30 s.
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/ready").statusCode() == 200);
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Reactive PostgreSQL")))
                .body("checks.name", hasItem(containsString("Kafka")));
    }

    @Test
    void exposesPrometheusMetricsOpenApiAndSwagger() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"))
                // consumer lag per topic and partition: every service consumes at least the revocations
                .body(containsString("kafka_consumer_fetch_manager_records_lag"));
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", notNullValue());
        given().redirects().follow(true).when().get("/swagger").then().statusCode(200);
    }

    @Test
    void generatesOrEchoesRequestIds() {
        given().header("X-Request-ID", "abc-123").when().get("/q/health/live")
                .then().header("X-Request-ID", "abc-123");
        given().header("X-Request-ID", "bad id\twith spaces").when().get("/api/v1/no-such-thing")
                .then().statusCode(404).header("X-Request-ID", notNullValue())
                .header("X-Request-ID", org.hamcrest.Matchers.not(containsString(" ")));
    }

    @Test
    void tellsEveryApiCallerItsRateLimit() {
        given().when().get("/api/v1/no-such-thing")
                .then().header("X-RateLimit-Limit", notNullValue())
                .header("X-RateLimit-Remaining", notNullValue())
                .header("X-RateLimit-Reset", notNullValue());
    }

    @Test
    void answersUnknownPathsInTheErrorShape() {
        given().when().get("/api/v1/no-such-thing")
                .then().statusCode(404).body("code", equalTo(404)).body("message", notNullValue());
    }

    /**
     * Every operation under {@code /api/} declares what it needs: one or more security requirements, each naming known
     * scopes (any one requirement suffices), or the empty list of a public operation. An operation that declares a
     * requirement without scopes would tell a client nothing and leave the authorization matrix nothing to check.
     */
    @Test
    @SuppressWarnings("unchecked")
    void declaresTheScopesOfEveryApiOperation() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().path("paths");
        List<String> undeclared = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                if (!path.getKey().startsWith("/api/") || !(path.getValue().get(method) instanceof Map<?, ?> operation)) {
                    continue;
                }
                if (!(operation.get("security") instanceof List<?> requirements)) {
                    undeclared.add(method.toUpperCase() + " " + path.getKey() + ": no security requirement");
                    continue;
                }
                for (Object requirement : requirements) {
                    List<String> scopes = new ArrayList<>();
                    ((Map<String, List<String>>) requirement).values().forEach(scopes::addAll);
                    if (scopes.isEmpty() || !Scopes.ALL.containsAll(scopes)) {
                        undeclared.add(method.toUpperCase() + " " + path.getKey() + ": " + requirement);
                    }
                }
            }
        }
        assertThat(undeclared).as("operations without their scopes in /q/openapi").isEmpty();
        assertThat(paths).isNotEmpty();
        assertThat(Set.copyOf(paths.keySet())).anyMatch(path -> path.startsWith("/api/"));
    }
}
