package dev.mercato.order.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * Per-client rate limits, with a burst of three a minute so that a test can reach it; one client has
 * its own limits in configuration, and a token may carry the limits its application was granted.
 */
@QuarkusTest
@TestProfile(RateLimitTest.TinyBurst.class)
class RateLimitTest {

    static final String CONFIGURED_CLIENT = "app_configured_limits";

    /** Three requests a minute, a hundred an hour; {@value #CONFIGURED_CLIENT}: five a minute, 200 an hour. */
    public static class TinyBurst implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mercato.rate-limit.per-minute", "3", "mercato.rate-limit.per-hour", "100",
                    "mercato.rate-limit.clients.\"" + CONFIGURED_CLIENT + "\".per-minute", "5",
                    "mercato.rate-limit.clients.\"" + CONFIGURED_CLIENT + "\".per-hour", "200");
        }
    }

    private final TestOrganization platform = TestOrganization.platform();

    @Test
    void refusesAClientBeyondItsBurstWith429AndTellsWhenToRetry() {
        String token = TestTokens.forRole(Role.PLATFORM_READER, platform);
        for (int remaining = 2; remaining >= 0; remaining--) {
            accounts(token).statusCode(200)
                    .header("X-RateLimit-Limit", "100")
                    .header("X-RateLimit-Remaining", Integer.toString(remaining));
        }

        ExtractableResponse<Response> refused = accounts(token).statusCode(429)
                .header("X-RateLimit-Remaining", "0")
                .body("code", equalTo(429))
                .body("message", equalTo("Rate limit exceeded"))
                .extract();
        int retryAfter = refused.path("retryAfter");
        assertThat(retryAfter).isBetween(1, 20); // one more request every 60 / 3 seconds
        assertThat(refused.header("Retry-After")).isEqualTo(Integer.toString(retryAfter));
        assertThat(refused.jsonPath().getMap("$")).containsOnlyKeys("code", "message", "retryAfter");

        accounts(TestTokens.forRole(Role.PLATFORM_READER, platform)).statusCode(200); // another client
    }

    @Test
    void grantsAClientTheLimitsItsTokenCarries() {
        String token = TestTokens.builder(Role.PLATFORM_READER, platform.id(), platform.path())
                .rateLimits(500, 6).mint();
        for (int remaining = 5; remaining >= 0; remaining--) {
            accounts(token).statusCode(200)
                    .header("X-RateLimit-Limit", "500")
                    .header("X-RateLimit-Remaining", Integer.toString(remaining));
        }

        accounts(token).statusCode(429).header("X-RateLimit-Limit", "500");
    }

    @Test
    void ignoresLimitClaimsThatAreNotPositiveIntegers() {
        String token = TestTokens.builder(Role.PLATFORM_READER, platform.id(), platform.path())
                .claim("rate_limit_per_hour", 0).claim("rate_limit_per_minute", "many").mint();
        for (int i = 0; i < 3; i++) {
            accounts(token).statusCode(200).header("X-RateLimit-Limit", "100");
        }

        accounts(token).statusCode(429);
    }

    @Test
    void appliesTheLimitsConfiguredForAClientBeforeThoseOfItsToken() {
        String token = TestTokens.builder(Role.PLATFORM_READER, platform.id(), platform.path())
                .clientId(CONFIGURED_CLIENT).rateLimits(500, 50).mint();
        for (int remaining = 4; remaining >= 0; remaining--) {
            accounts(token).statusCode(200)
                    .header("X-RateLimit-Limit", "200")
                    .header("X-RateLimit-Remaining", Integer.toString(remaining));
        }

        accounts(token).statusCode(429);
    }

    @Test
    void putsRateLimitHeadersOnRefusalsTooWithTheResetAsUnixTime() {
        given().get("/api/v1/accounts").then().statusCode(401)
                .header("X-RateLimit-Limit", "100")
                .header("X-RateLimit-Remaining", notNullValue())
                .header("X-RateLimit-Reset", Long::parseLong, greaterThan(Instant.now().getEpochSecond()));
    }

    private static ValidatableResponse accounts(String token) {
        return given().auth().oauth2(token).get("/api/v1/accounts").then();
    }
}
