package dev.mercato.identity.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.identity.key.SecretHasher;
import dev.mercato.platform.security.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The token endpoints are limited per client and per source address, with the API's headers and 429.
 * The server here sits "behind a proxy" on 127.0.0.1 (trusted), so each test names its own client
 * address in X-Forwarded-For (documentation ranges: nothing is sent there).
 */
@QuarkusTest
@TestProfile(TokenRateLimitTest.SmallLimits.class)
class TokenRateLimitTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    /** Three token requests per client and five per address a minute; forwarded addresses from 127.0.0.1. */
    public static class SmallLimits implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "%test.mercato.identity.token-rate-limit.per-client-per-minute", "3",
                    "%test.mercato.identity.token-rate-limit.per-client-per-hour", "100",
                    "%test.mercato.identity.token-rate-limit.per-address-per-minute", "5",
                    "%test.mercato.identity.token-rate-limit.per-address-per-hour", "200",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
    }

    @Inject
    SecretHasher hasher;

    @Test
    void refusesAClientBeyondItsAllowanceWithTheHeadersAndBodyOfTheApi() {
        OAuthTestClient.Client client = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN, "org_platform",
                Role.TENANT_ADMIN.allowedScopes());
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            tokenRequest(address, client.clientId(), client.secret()).then().statusCode(200)
                    .header("X-RateLimit-Limit", "100")
                    .header("X-RateLimit-Remaining", String.valueOf(2 - i))
                    .header("X-RateLimit-Reset", notNullValue());
        }

        Response refused = tokenRequest(address, client.clientId(), client.secret());
        refused.then().statusCode(429)
                .header("X-RateLimit-Limit", "100")
                .header("X-RateLimit-Remaining", "0")
                .body("code", equalTo(429))
                .body("message", equalTo("Rate limit exceeded"))
                .body("retryAfter", greaterThan(0));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isEqualTo(refused.jsonPath().getLong("retryAfter"));
        assertThat(Long.parseLong(refused.header("X-RateLimit-Reset"))).isGreaterThan(System.currentTimeMillis() / 1000);
        // The allowance belongs to the client, whatever address it comes from.
        tokenRequest(newAddress(), client.clientId(), client.secret()).then().statusCode(429);
    }

    @Test
    void limitsDistinctClientsFromOneAddressByThePerAddressAllowance() {
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            tokenRequest(address, "app_unknown_" + address + "_" + i, "wrong").then().statusCode(401)
                    .header("X-RateLimit-Remaining", notNullValue());
        }

        tokenRequest(address, "app_unknown_" + address + "_next", "wrong").then().statusCode(429)
                .header("X-RateLimit-Limit", "200").header("X-RateLimit-Remaining", "0")
                .body("retryAfter", greaterThan(0));
        // Another address is not affected.
        tokenRequest(newAddress(), "app_unknown_" + address + "_next", "wrong").then().statusCode(401);
    }

    @Test
    void limitsApiKeyExchangeAndPasswordLoginPerAddress() {
        String address = newAddress();
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body("{}")
                    .post("/api/v1/auth/login").then().statusCode(400);
        }
        given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/auth/login").then().statusCode(429).header("Retry-After", notNullValue())
                .body("code", equalTo(429)).body("retryAfter", greaterThan(0));

        String other = newAddress();
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", other).header("Authorization", "Basic mk_live_guess" + i)
                    .post("/api/v1/auth").then().statusCode(401);
        }
        // One key: the per-client allowance (three) runs out before the address's (five).
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", newAddress()).header("Authorization", "Basic mk_live_same")
                    .post("/api/v1/auth").then().statusCode(401);
        }
        given().header("X-Forwarded-For", newAddress()).header("Authorization", "Basic mk_live_same")
                .post("/api/v1/auth").then().statusCode(429).body("code", equalTo(429));
    }

    private static Response tokenRequest(String address, String clientId, String secret) {
        return given().header("X-Forwarded-For", address).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret)
                .post("/oauth/token");
    }

    /** A fresh client address from TEST-NET-3 (RFC 5737). */
    private static String newAddress() {
        return "203.0.113." + ADDRESSES.incrementAndGet();
    }
}
