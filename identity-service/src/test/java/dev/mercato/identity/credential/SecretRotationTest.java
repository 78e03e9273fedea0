package dev.mercato.identity.credential;

import static dev.mercato.identity.credential.CredentialTestData.clientCredentials;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.identity.key.SecretHasher;
import dev.mercato.identity.token.OAuthTestClient;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;

/** Rotating a leaked secret ends the tokens issued with the old one, everywhere. */
@QuarkusTest
class SecretRotationTest {

    @Inject
    SecretHasher hasher;

    @Test
    void rotationWithoutOverlapRevokesTheOldTokensAtOnceAndKeepsNewOnesValid() throws InterruptedException {
        OAuthTestClient.Client app = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN);
        String old = app.token();
        given().auth().oauth2(old).get("/api/v1/applications").then().statusCode(200);
        waitForNextSecond(); // the old token's iat (whole seconds) lies before the rotation

        String secret = given().auth().oauth2(old).post("/api/v1/applications/" + app.clientId() + "/rotate-secret")
                .then().statusCode(200).extract().path("data.clientSecret");

        // Right after the rotation: a new token works, the old one no longer does.
        String fresh = OAuthTestClient.token(app.clientId(), secret);
        given().auth().oauth2(fresh).get("/api/v1/applications").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(old).get("/api/v1/applications").then().statusCode(401));
        var record = TestKafka.awaitRecord("identity.revocations",
                r -> app.clientId().equals(r.key()) && r.value().contains("\"kind\":\"CLIENT\""), Duration.ofSeconds(20));
        assertThat(record.value()).contains("\"value\":\"" + app.clientId() + "\"");
        given().auth().oauth2(fresh).get("/api/v1/applications").then().statusCode(200);
    }

    @Test
    void whenAnOverlapEndsTheTokensOfTheOldSecretAreRevokedAndItsOwnTokensExpireWithIt() throws InterruptedException {
        OAuthTestClient.Client app = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN);
        String old = app.token();
        waitForNextSecond();
        // A rotation with an overlap of 6 s, as a service configured with one would store it.
        String newSecret = hasher.newSecret("mcs_");
        Instant overlapEnd = Instant.now().plusSeconds(6);
        TestSql.execute("""
                update credential set previous_secret_hash = secret_hash, secret_hash = ?, secret_rotated_at = now(),
                    previous_secret_expires_at = now() + interval '6 seconds' where id = ?""",
                hasher.hash(newSecret), app.clientId());
        Thread.sleep(2100); // past the credential cache

        // During the overlap both secrets work, and the old one's tokens end with the overlap.
        String duringOverlap = OAuthTestClient.token(app.clientId(), app.secret());
        assertThat(OAuthTestClient.claims(duringOverlap).path("exp").asLong()).isLessThanOrEqualTo(overlapEnd.getEpochSecond() + 1);
        String fresh = OAuthTestClient.token(app.clientId(), newSecret);
        given().auth().oauth2(old).get("/api/v1/applications").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(old).get("/api/v1/applications").then().statusCode(401));
        clientCredentials(app.clientId(), app.secret()).then().statusCode(401).body("error", equalTo("invalid_client"));
        given().auth().oauth2(fresh).get("/api/v1/applications").then().statusCode(200);
        TestKafka.awaitRecord("identity.revocations",
                r -> app.clientId().equals(r.key()) && r.value().contains("\"kind\":\"CLIENT\""), Duration.ofSeconds(20));
        assertThat(TestSql.rows("select previous_secret_hash from credential where id = ?", app.clientId()).get(0)
                .get("previous_secret_hash")).isNull();
    }

    private static void waitForNextSecond() throws InterruptedException {
        Thread.sleep(1000 - Instant.now().getNano() / 1_000_000 + 10);
    }
}
