package dev.mercato.identity.token;

import static dev.mercato.identity.token.OAuthTestClient.BOOTSTRAP_ID;
import static dev.mercato.identity.token.OAuthTestClient.BOOTSTRAP_SECRET;
import static dev.mercato.identity.token.OAuthTestClient.claims;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.identity.key.EcKeys;
import dev.mercato.identity.key.SecretHasher;
import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
class IntrospectionAndRevocationTest {

    @Inject
    SecretHasher hasher;

    @Test
    void introspectsAnActiveTokenWithItsClaims() {
        String token = OAuthTestClient.adminToken();
        asBootstrap().formParam("token", token)
                .post("/oauth/introspect").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("active", equalTo(true))
                .body("client_id", equalTo(BOOTSTRAP_ID))
                .body("role", equalTo("PLATFORM_ADMIN"))
                .body("jti", equalTo(claims(token).path("jti").asText()))
                .body("aud", equalTo("mercato"));
    }

    @Test
    void answersInactiveForGarbageForeignExpiredAndOutOfSubtreeTokens() {
        asBootstrap().formParam("token", "garbage").post("/oauth/introspect")
                .then().statusCode(200).body("active", equalTo(false));
        asBootstrap().formParam("token", forgedToken()).post("/oauth/introspect")
                .then().statusCode(200).body("active", equalTo(false));
        // A tenant application may not introspect the platform's tokens.
        OAuthTestClient.Client tenant = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN, null,
                Set.of(Scopes.READ_CUSTOMERS));
        given().contentType("application/x-www-form-urlencoded").auth().preemptive().basic(tenant.clientId(), tenant.secret())
                .formParam("token", OAuthTestClient.adminToken())
                .post("/oauth/introspect").then().statusCode(200).body("active", equalTo(false));
    }

    @Test
    void requiresClientAuthenticationToIntrospect() {
        given().contentType("application/x-www-form-urlencoded").formParam("token", "x")
                .post("/oauth/introspect").then().statusCode(401).body("error", equalTo("invalid_client"));
        given().contentType("application/x-www-form-urlencoded").auth().preemptive().basic(BOOTSTRAP_ID, "wrong")
                .formParam("token", "x")
                .post("/oauth/introspect").then().statusCode(401).body("error", equalTo("invalid_client"));
        asBootstrap().post("/oauth/introspect").then().statusCode(400).body("error", equalTo("invalid_request"));
    }

    @Test
    void revokesAnAccessTokenEverywhere() {
        OAuthTestClient.Client tenant = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN, null,
                Set.of(Scopes.READ_APPLICATIONS));
        String token = tenant.token();
        String jti = claims(token).path("jti").asText();
        given().auth().oauth2(token).get("/api/v1/applications").then().statusCode(200);

        given().contentType("application/x-www-form-urlencoded").auth().preemptive().basic(tenant.clientId(), tenant.secret())
                .formParam("token", token).formParam("token_type_hint", "access_token")
                .post("/oauth/revoke").then().statusCode(200).header("Cache-Control", "no-store");

        asBootstrap().formParam("token", token).post("/oauth/introspect")
                .then().statusCode(200).body("active", equalTo(false));
        var record = TestKafka.awaitRecord("identity.revocations", r -> jti.equals(r.key()), Duration.ofSeconds(20));
        assertThat(record.value()).contains("\"kind\":\"TOKEN\"");
        // Once the deny list has it, the token is refused with 401 on every endpoint.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/v1/applications").then().statusCode(401));
    }

    @Test
    void answers200ForUnknownTokensAndRequiresTheTokenParameter() {
        given().contentType("application/x-www-form-urlencoded").formParam("token", "no-such-token")
                .post("/oauth/revoke").then().statusCode(200);
        given().contentType("application/x-www-form-urlencoded").formParam("token", "mrt_no-such-token")
                .post("/oauth/revoke").then().statusCode(200);
        given().contentType("application/x-www-form-urlencoded")
                .post("/oauth/revoke").then().statusCode(400).body("error", equalTo("invalid_request"));
        given().contentType("application/x-www-form-urlencoded").auth().preemptive().basic(BOOTSTRAP_ID, "wrong")
                .formParam("token", "x")
                .post("/oauth/revoke").then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    private static RequestSpecification asBootstrap() {
        return given().contentType("application/x-www-form-urlencoded").auth().preemptive().basic(BOOTSTRAP_ID, BOOTSTRAP_SECRET);
    }

    /** A well-formed ES256 token with our issuer but signed by a key that is not ours. */
    private static String forgedToken() {
        String real = OAuthTestClient.adminToken();
        String[] parts = real.split("\\.");
        KeyPair foreign = EcKeys.generate();
        try {
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(foreign.getPrivate());
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
