package dev.mercato.identity.hostile;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.identity.token.OAuthTestClient;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Requests that race each other over one row: every answer is a success or a 409 in the error shape,
 * never a 500, and an {@code Idempotency-Key} sent many times at once has one effect.
 */
@QuarkusTest
class ConcurrentWritesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void concurrentRotationsChangesAndRevocationsOfOneApplicationAnswer2xxOr409() throws Exception {
        String admin = OAuthTestClient.adminToken();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int round = 0; round < 3; round++) {
            String clientId = given().auth().oauth2(admin).contentType(ContentType.JSON)
                    .body("{\"name\": \"racing\", \"scopes\": [\"read:customers\"]}")
                    .post("/api/v1/applications").then().statusCode(201).extract().path("data.clientId");
            List<HttpRequest> requests = new ArrayList<>();
            String base = "/api/v1/applications/" + clientId;
            for (int i = 0; i < 8; i++) {
                requests.add(ConcurrentRequests.request(base + "/rotate-secret").header("Authorization", "Bearer " + admin)
                        .POST(HttpRequest.BodyPublishers.noBody()).build());
                requests.add(ConcurrentRequests.request(base).header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"description\": \"change " + i + "\"}"))
                        .build());
                if (round > 0 && i % 3 == 0) {
                    requests.add(ConcurrentRequests.request(base + "/revoke").header("Authorization", "Bearer " + admin)
                            .POST(HttpRequest.BodyPublishers.noBody()).build());
                }
            }
            for (HttpResponse<String> answer : ConcurrentRequests.all(requests)) {
                statuses.merge(answer.statusCode(), 1, Integer::sum);
                assertThat(answer.statusCode()).as(answer.body()).isIn(200, 409);
                JsonNode body = JSON.readTree(answer.body());
                assertThat(body.path("code").asInt()).isEqualTo(answer.statusCode());
                if (answer.statusCode() == 409) {
                    assertThat(body.path("message").asText()).doesNotContainIgnoringCase("exception")
                            .doesNotContainIgnoringCase("sql").doesNotContain("oauth_application");
                }
            }
        }
        System.out.println("racing writes of one application: " + statuses);
    }

    @Test
    void tenRequestsWithOneIdempotencyKeyAtOnceCreateOneOrganizationAndGetTenEqualAnswers() {
        String admin = OAuthTestClient.adminToken();
        String name = "Idempotent Distribution " + UUID.randomUUID();
        String key = "idem-" + UUID.randomUUID();
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(ConcurrentRequests.request("/api/v1/distributors").header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\", \"countryCode\": \"FI\"}"))
                    .build());
        }
        List<HttpResponse<String>> answers = ConcurrentRequests.all(requests);

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201);
        assertThat(answers).extracting(HttpResponse::body).containsOnly(answers.get(0).body());
        assertThat(answers.stream().filter(answer -> answer.headers().firstValue("Idempotent-Replayed").isPresent()))
                .hasSize(9);
        assertThat(TestSql.number("select count(*) from organization where name = ?", name)).isEqualTo(1);
    }
}
