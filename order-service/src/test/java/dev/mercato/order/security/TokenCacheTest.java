package dev.mercato.order.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestRevocations;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A verified token is remembered until it expires, yet revocation, expiry and forgery are decided as
 * if it were not: each test first has the token accepted (so it is remembered), then changes the world.
 */
@QuarkusTest
@TestProfile(TokenCacheTest.SmallCache.class)
class TokenCacheTest {

    private static final int MAX_SIZE = 5;
    private static final String ACCOUNTS = "/api/v1/accounts";

    /** Five remembered tokens, one second of clock grace, no rate limits (many 401s from one address). */
    public static class SmallCache implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mercato.security.token-cache.max-size", Integer.toString(MAX_SIZE),
                    "quarkus.oidc.token.lifespan-grace", "1",
                    "mercato.rate-limit.enabled", "false");
        }
    }

    private final TestOrganization platform = TestOrganization.platform();

    @Test
    void answersARepeatedTokenFromTheCache() {
        String token = token().mint();
        accept(token);
        double hits = metric("mercato_token_cache_hits_total");

        accept(token);
        accept(token);

        assertThat(metric("mercato_token_cache_hits_total")).isGreaterThanOrEqualTo(hits + 2);
    }

    @Test
    void refusesARememberedTokenAsSoonAsItsIdIsRevoked() {
        String token = token().mint();
        accept(token);
        accept(token);

        TestRevocations.revokeToken(TestTokens.claim(token, "jti"));

        refuse(token);
    }

    @Test
    void refusesRememberedTokensOfARevokedClientOrSubject() {
        String clientId = "app_" + UUID.randomUUID();
        String subject = "usr_" + UUID.randomUUID();
        Instant issuedAt = Instant.now().minusSeconds(5);
        String ofClient = token().clientId(clientId).issuedAt(issuedAt).mint();
        String ofSubject = token().subject(subject).issuedAt(issuedAt).mint();
        accept(ofClient);
        accept(ofSubject);

        TestRevocations.revokeClient(clientId, Instant.now());
        TestRevocations.revokeSubject(subject, Instant.now());

        refuse(ofClient);
        refuse(ofSubject);
    }

    @Test
    void refusesARememberedTokenOnceItExpiresPastTheClockGrace() {
        Instant expiresAt = Instant.now().plusSeconds(3);
        String token = token().expiresAt(expiresAt).mint();
        accept(token);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> status(token) == 401);

        // exp is in whole seconds; with one second of grace the token is refused from exp + 1 s on.
        assertThat(Instant.now()).isAfterOrEqualTo(Instant.ofEpochSecond(expiresAt.getEpochSecond() + 1));
        refuse(token);
    }

    @Test
    void neverAnswersAChangedTokenFromTheCache() {
        String token = token().mint();
        accept(token);
        String[] parts = token.split("\\.");

        refuse(parts[0] + "." + parts[1] + "." + changed(parts[2])); // another signature
        String otherBody = token().mint().split("\\.")[1];
        refuse(parts[0] + "." + otherBody + "." + parts[2]); // the signature of another body
        refuse(token + "x");

        accept(token);
    }

    @Test
    void refusesTheSameClaimsSignedByAnUnknownKeyAfterTheGenuineTokenWasAccepted() throws Exception {
        TestTokens.Builder claims = token();
        String genuine = claims.mint();
        accept(genuine);
        String trustedKeyId = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(genuine.split("\\.")[0]))
                .get("kid").asText();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));

        refuse(claims.mintSignedWith(generator.generateKeyPair().getPrivate(), trustedKeyId));
        refuse(TestTokens.signedByUnknownKey(Role.PLATFORM_READER, platform.id(), platform.path()));
        accept(genuine);
    }

    @Test
    void staysWithinItsSizeAndVerifiesAForgottenTokenAgain() {
        String first = token().mint();
        accept(first);
        for (int i = 0; i < 3 * MAX_SIZE; i++) {
            accept(token().mint());
        }

        assertThat(metric("mercato_token_cache_size")).isBetween(1.0, (double) MAX_SIZE);
        accept(first);
    }

    private TestTokens.Builder token() {
        return TestTokens.builder(Role.PLATFORM_READER, platform.id(), platform.path());
    }

    // Changes one base64url character in the middle, so the decoded bytes surely differ.
    private static String changed(String part) {
        int at = part.length() / 2;
        char replacement = part.charAt(at) == 'A' ? 'B' : 'A';
        return part.substring(0, at) + replacement + part.substring(at + 1);
    }

    private static double metric(String name) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        assertThat(value.find()).as(name + " in /q/metrics").isTrue();
        return Double.parseDouble(value.group(1));
    }

    private static int status(String token) {
        return given().auth().oauth2(token).get(ACCOUNTS).statusCode();
    }

    private static void accept(String token) {
        given().auth().oauth2(token).get(ACCOUNTS).then().statusCode(200);
    }

    private static void refuse(String token) {
        given().auth().oauth2(token).get(ACCOUNTS).then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("code", equalTo(401));
    }
}
