package dev.mercato.identity.token;

import static dev.mercato.identity.token.OAuthTestClient.BOOTSTRAP_ID;
import static dev.mercato.identity.token.OAuthTestClient.BOOTSTRAP_SECRET;
import static dev.mercato.identity.token.OAuthTestClient.claims;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.identity.key.SecretHasher;
import dev.mercato.platform.events.CredentialRevokedV1;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * A subject revocation refuses exactly the tokens issued before it, at millisecond precision
 * ({@code iat_ms}), on every service's deny list and on identity's own introspection.
 */
@QuarkusTest
class RevocationPrecisionTest {

    @Inject
    SecretHasher hasher;

    @Inject
    Revocations revocations;

    @Test
    void acceptsATokenMintedInTheSameSecondAfterItsSubjectWasRevoked() throws Throwable {
        SameSecond run = null;
        for (int attempt = 0; attempt < 5 && run == null; attempt++) {
            run = revokeBetweenTwoTokensInOneSecond();
        }
        assertThat(run).as("two tokens and a revocation within one second").isNotNull();
        String before = run.before();
        String after = run.after();

        // Once the deny list holds the revocation, the earlier token is refused...
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(before).get("/api/v1/applications").then().statusCode(401));
        // ...and the later one, issued in the same second, is not.
        given().auth().oauth2(after).get("/api/v1/applications").then().statusCode(200);
        introspect(before).then().statusCode(200).body("active", equalTo(false));
        introspect(after).then().statusCode(200).body("active", equalTo(true));
    }

    @Test
    void carriesTheIssuedAtInMillisecondsNextToIat() {
        var claims = claims(OAuthTestClient.adminToken());
        long iat = claims.path("iat").asLong();
        long iatMillis = claims.path("iat_ms").asLong();
        assertThat(iatMillis / 1000).isEqualTo(iat);
    }

    /** Token, revocation of its subject, token — all in one wall-clock second; null when the second ran out. */
    private SameSecond revokeBetweenTwoTokensInOneSecond() throws Throwable {
        OAuthTestClient.Client client = OAuthTestClient.insertApplication(hasher, Role.PLATFORM_ADMIN);
        client.token(); // warm: the first token of a client loads it from the database
        while (System.currentTimeMillis() % 1000 > 200) {
            Thread.sleep(5);
        }
        String before = client.token();
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> revocations.publish(
                CredentialRevokedV1.Kind.SUBJECT, client.clientId(), Instant.now().plus(Duration.ofHours(1)))));
        String after = client.token();

        Instant revokedAt = Instant.EPOCH.plusNanos(1000 * TestSql.number(
                "select (extract(epoch from revoked_at) * 1000000)::bigint from credential_revocation"
                        + " where kind = 'SUBJECT' and value = ?", client.clientId()));
        long beforeMillis = claims(before).path("iat_ms").asLong();
        long afterMillis = claims(after).path("iat_ms").asLong();
        boolean oneSecond = claims(before).path("iat").asLong() == revokedAt.getEpochSecond()
                && claims(after).path("iat").asLong() == revokedAt.getEpochSecond();
        assertThat(beforeMillis).isLessThanOrEqualTo(revokedAt.toEpochMilli());
        assertThat(afterMillis).isGreaterThanOrEqualTo(revokedAt.toEpochMilli());
        if (!oneSecond || afterMillis == revokedAt.toEpochMilli()) {
            return null;
        }
        return new SameSecond(before, after);
    }

    private static io.restassured.response.Response introspect(String token) {
        return given().contentType("application/x-www-form-urlencoded").auth().preemptive()
                .basic(BOOTSTRAP_ID, BOOTSTRAP_SECRET).formParam("token", token).post("/oauth/introspect");
    }

    private record SameSecond(String before, String after) {
    }
}
