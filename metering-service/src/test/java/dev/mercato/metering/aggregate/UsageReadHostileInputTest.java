package dev.mercato.metering.aggregate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.mercato.platform.security.Role;
import dev.mercato.testkit.HostileRequests;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Input crafted to break the usage and report reads is answered with a 4xx in the error shape, never a 5xx. */
@QuarkusTest
class UsageReadHostileInputTest {

    private static final TestOrganization PLATFORM = TestOrganization.platform();

    @Test
    void refusesNulAndControlCharactersInIdsAndQueriesWith400() {
        String token = TestTokens.forRole(Role.PLATFORM_ADMIN, PLATFORM);
        for (String path : List.of("/api/v1/metering/%00", "/api/v1/metering/a%01b", "/api/v1/metering?customer=%00",
                "/api/v1/usage/summary?customer=%00", "/api/v1/usage/summary?dimension=a%01b",
                "/api/v1/usage/summary?from=%C0%AF", "/api/v1/metering?filter=status%20eq%20%27%00%27")) {
            given().urlEncodingEnabled(false).auth().oauth2(token).get(path)
                    .then().statusCode(400).contentType(ContentType.JSON).body("code", equalTo(400));
        }
    }

    @Test
    void answersNoMalformedRequestWithAServerError() throws Exception {
        // a fresh client id every 40 requests keeps the per-client rate limit from answering everything
        AtomicInteger used = new AtomicInteger();
        String[] token = { null };
        HostileRequests.Tally tally = new HostileRequests(RestAssured.port, 20_261_201L, () -> {
            if (used.getAndIncrement() % 40 == 0) {
                token[0] = TestTokens.forRole(Role.PLATFORM_ADMIN, PLATFORM);
            }
            return token[0];
        })
                .endpoint("GET", "/api/v1/usage/summary", null)
                .endpoint("GET", "/api/v1/metering", null)
                .endpoint("GET", "/api/v1/metering/{id}", null)
                .endpoint("GET", "/api/v1/metering/-dump", null)
                .send(1000);

        System.out.println("malformed requests to the usage reads: " + tally);
        assertThat(tally.serverErrors()).isEmpty();
        assertThat(tally.byStatus().keySet()).allMatch(status -> status >= 200 && status < 500);
    }
}
