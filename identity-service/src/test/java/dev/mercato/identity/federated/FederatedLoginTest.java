package dev.mercato.identity.federated;

import static dev.mercato.identity.user.TestAccounts.account;
import static dev.mercato.identity.user.TestAccounts.organization;
import static dev.mercato.identity.user.TestAccounts.platform;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mercato.identity.user.TestAccounts;
import dev.mercato.identity.user.TestAccounts.Account;
import dev.mercato.identity.user.TestAccounts.Org;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Federated login against {@link LocalOpenIdIssuer}: real discovery, real JWKS, real signatures. */
@QuarkusTest
class FederatedLoginTest {

    private Org tenant;
    private Account user;

    @BeforeEach
    void aTenantUserWhoseOrganizationAllowsTheLocalIssuers() {
        tenant = organization("TENANT", organization("PARTNER", organization("DISTRIBUTOR", platform())));
        user = account(tenant, Role.TENANT_ADMIN);
        allowIssuers(user, "local", "second");
    }

    @Test
    void refusesEveryIssuerWhenTheOrganizationListsNone() {
        Account unlisted = account(organization("TENANT", organization("PARTNER",
                organization("DISTRIBUTOR", platform()))), Role.TENANT_ADMIN);

        login(TestIdTokens.rs256(TestIdTokens.claims(unlisted.email())), null)
                .statusCode(401).body("message", containsString("does not allow"));
        assertThat(TestSql.number("select count(*) from federated_identity where user_id = ?", unlisted.userId()))
                .isZero();
    }

    @Test
    void linksTheFirstLoginAndMatchesLaterOnesOnIssuerAndSubjectNotEmail() {
        Map<String, Object> first = TestIdTokens.claims(user.email());
        first.put("sub", "alice-at-a");
        login(TestIdTokens.rs256(first), null).statusCode(200);
        assertThat(TestSql.rows("select issuer_url, subject from federated_identity where user_id = ?", user.userId()))
                .singleElement().satisfies(row -> {
                    assertThat(row.get("issuer_url")).isEqualTo(TestIdTokens.issuerUrl("a"));
                    assertThat(row.get("subject")).isEqualTo("alice-at-a");
                });

        // Another account at the same issuer claiming the same (verified) email does not get in.
        Map<String, Object> impostor = TestIdTokens.claims(user.email());
        impostor.put("sub", "mallory-at-a");
        login(TestIdTokens.rs256(impostor), null).statusCode(401).body("message", containsString("already linked"));

        // The linked account gets in even after its email changed at the issuer, verified or not.
        Map<String, Object> renamed = TestIdTokens.claims(TestAccounts.uniqueEmail("renamed"));
        renamed.put("sub", "alice-at-a");
        renamed.put("email_verified", false);
        String accessToken = login(TestIdTokens.rs256(renamed), null).statusCode(200).extract().path("access_token");
        assertThat(TestAccounts.claims(accessToken).path("sub").asText()).isEqualTo(user.userId());

        // ...as long as its organization still allows the issuer.
        allowIssuers(user, "second");
        login(TestIdTokens.rs256(renamed), null).statusCode(401).body("message", containsString("does not allow"));
    }

    @Test
    void refusesAFirstLoginWhoseEmailTheIssuerDidNotSayItVerified() {
        Map<String, Object> unsaid = TestIdTokens.claims(user.email());
        unsaid.remove("email_verified");
        login(TestIdTokens.rs256(unsaid), null).statusCode(401).body("message", containsString("email_verified"));
        assertThat(TestSql.number("select count(*) from federated_identity where user_id = ?", user.userId())).isZero();
    }

    @Test
    void exchangesAnRs256IdTokenForTokensOfTheUserWithThatEmail() {
        String accessToken = login(TestIdTokens.rs256(TestIdTokens.claims(user.email().toUpperCase())), null)
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("refresh_token", notNullValue())
                .extract().path("access_token");

        assertThat(TestAccounts.claims(accessToken).path("sub").asText()).isEqualTo(user.userId());
        assertThat(TestAccounts.claims(accessToken).path("org").asText()).isEqualTo(tenant.id());
        assertThat(TestAccounts.claims(accessToken).path("role").asText()).isEqualTo("TENANT_ADMIN");
        given().header("Authorization", "Bearer " + accessToken).get("/api/v1/users/" + user.userId())
                .then().statusCode(200);
    }

    @Test
    void acceptsEs256AndAnIssuerNamedByConfigurationOrUrl() {
        login(TestIdTokens.es256(TestIdTokens.claims(user.email())), null).statusCode(200);
        login(TestIdTokens.rs256(TestIdTokens.claims(user.email())), "local").statusCode(200);
        Map<String, Object> second = TestIdTokens.claims(user.email());
        second.put("iss", TestIdTokens.issuerUrl("b"));
        login(TestIdTokens.rs256(second), TestIdTokens.issuerUrl("b")).statusCode(200);
    }

    @Test
    void cachesTheIssuersKeysBetweenLogins() {
        login(TestIdTokens.rs256(TestIdTokens.claims(user.email())), null).statusCode(200);
        int fetches = TestIdTokens.jwksFetches();

        login(TestIdTokens.rs256(TestIdTokens.claims(user.email())), null).statusCode(200);
        login(TestIdTokens.es256(TestIdTokens.claims(user.email())), null).statusCode(200);

        assertThat(TestIdTokens.jwksFetches()).isEqualTo(fetches);
    }

    @Test
    void fetchesTheKeysAgainWhenATokenNamesANewKeyOfTheIssuer() throws Exception {
        KeyPair rotated = LocalOpenIdIssuer.generate("RSA", null);
        String kid = "rsa-" + System.nanoTime();
        TestIdTokens.publish(LocalOpenIdIssuer.rsaJwk(kid, (RSAPublicKey) rotated.getPublic()));

        login(TestIdTokens.sign("RS256", kid, rotated.getPrivate(), TestIdTokens.claims(user.email())), null)
                .statusCode(200);
    }

    @Test
    void refusesATamperedToken() {
        String token = TestIdTokens.rs256(TestIdTokens.claims(user.email()));
        String[] parts = token.split("\\.");
        Map<String, Object> forged = TestIdTokens.claims(TestAccounts.account(platform(), Role.PLATFORM_ADMIN).email());
        String forgedPayload = TestIdTokens.rs256(forged).split("\\.")[1];

        login(parts[0] + "." + forgedPayload + "." + parts[2], null)
                .statusCode(401).body("message", containsString("signature"));
        char last = parts[2].charAt(10);
        String flipped = parts[2].substring(0, 10) + (last == 'A' ? 'B' : 'A') + parts[2].substring(11);
        login(parts[0] + "." + parts[1] + "." + flipped, null).statusCode(401);
    }

    @Test
    void refusesATokenSignedWithAKeyTheIssuerDoesNotPublish() throws Exception {
        KeyPair stranger = LocalOpenIdIssuer.generate("RSA", null);
        Map<String, Object> claims = TestIdTokens.claims(user.email());

        login(TestIdTokens.sign("RS256", "rsa-1", stranger.getPrivate(), claims), null)
                .statusCode(401).body("message", containsString("signature"));
        login(TestIdTokens.sign("RS256", "not-published", stranger.getPrivate(), claims), null)
                .statusCode(401).body("message", containsString("key"));
        login(TestIdTokens.sign("ES256", "rsa-1", TestIdTokens.ecKey(), claims), null).statusCode(401);
    }

    @Test
    void refusesAnExpiredOrNotYetValidToken() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> expired = TestIdTokens.claims(user.email());
        expired.put("iat", now - 3600);
        expired.put("nbf", now - 3600);
        expired.put("exp", now - 120);
        login(TestIdTokens.rs256(expired), null).statusCode(401).body("message", containsString("expired"));

        Map<String, Object> future = TestIdTokens.claims(user.email());
        future.put("nbf", now + 600);
        login(TestIdTokens.rs256(future), null).statusCode(401).body("message", containsString("not valid yet"));

        Map<String, Object> noExpiry = TestIdTokens.claims(user.email());
        noExpiry.remove("exp");
        login(TestIdTokens.rs256(noExpiry), null).statusCode(401);
    }

    @Test
    void toleratesASmallClockSkew() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> justExpired = TestIdTokens.claims(user.email());
        justExpired.put("exp", now - 10);
        login(TestIdTokens.rs256(justExpired), null).statusCode(200);
    }

    @Test
    void refusesATokenForAnotherAudience() {
        Map<String, Object> claims = TestIdTokens.claims(user.email());
        claims.put("aud", "someone-else");
        login(TestIdTokens.rs256(claims), null).statusCode(401).body("message", containsString("aud"));

        claims.put("aud", List.of("someone-else", LocalOpenIdIssuer.AUDIENCE));
        claims.put("azp", "someone-else");
        login(TestIdTokens.rs256(claims), null).statusCode(401);

        claims.put("azp", LocalOpenIdIssuer.AUDIENCE);
        login(TestIdTokens.rs256(claims), null).statusCode(200);
    }

    @Test
    void refusesAnUnsignedTokenAndOtherAlgorithms() {
        login(TestIdTokens.unsigned(TestIdTokens.claims(user.email())), null)
                .statusCode(401).body("message", containsString("alg none"));
        String signed = TestIdTokens.rs256(TestIdTokens.claims(user.email()));
        String relabelled = headerWithAlg("HS256") + signed.substring(signed.indexOf('.'));
        login(relabelled, null).statusCode(401).body("message", containsString("RS256 or ES256"));
    }

    @Test
    void refusesAnIssuerThatIsNotConfiguredOrDoesNotMatch() {
        Map<String, Object> claims = TestIdTokens.claims(user.email());
        claims.put("iss", "https://evil.example");
        login(TestIdTokens.rs256(claims), null).statusCode(401).body("message", containsString("not configured"));

        login(TestIdTokens.rs256(TestIdTokens.claims(user.email())), "second")
                .statusCode(401).body("message", containsString("not issued by"));
        login(TestIdTokens.rs256(TestIdTokens.claims(user.email())), "nonexistent").statusCode(401);
    }

    @Test
    void refusesAnUnknownUserAnUnverifiedEmailAndADisabledUser() {
        login(TestIdTokens.rs256(TestIdTokens.claims(TestAccounts.uniqueEmail("stranger"))), null)
                .statusCode(401).body("message", containsString("No Mercato user"));

        Map<String, Object> unverified = TestIdTokens.claims(user.email());
        unverified.put("email_verified", false);
        login(TestIdTokens.rs256(unverified), null).statusCode(401).body("message", containsString("verified"));
        assertThat(TestSql.number("select count(*) from federated_identity where user_id = ?", user.userId())).isZero();

        Map<String, Object> noEmail = TestIdTokens.claims(user.email());
        noEmail.remove("email");
        login(TestIdTokens.rs256(noEmail), null).statusCode(401).body("message", containsString("email"));

        TestSql.execute("update app_user set status = 'DISABLED' where id = ?", user.userId());
        login(TestIdTokens.rs256(TestIdTokens.claims(user.email())), null)
                .statusCode(401).body("message", containsString("disabled"));
    }

    @Test
    void refusesAnIssuerTheUsersOrganizationDoesNotAllow() {
        allowIssuers(user, "second");

        login(TestIdTokens.rs256(TestIdTokens.claims(user.email())), null)
                .statusCode(401).body("message", containsString("does not allow"));
        Map<String, Object> second = TestIdTokens.claims(user.email());
        second.put("iss", TestIdTokens.issuerUrl("b"));
        login(TestIdTokens.rs256(second), null).statusCode(200);
    }

    @Test
    void answers503WhenTheIssuerCannotBeReached() {
        login(TestIdTokens.rs256(TestIdTokens.claims(user.email())), "down")
                .statusCode(503).body("code", equalTo(503)).body("message", containsString("cannot be reached"));
    }

    @Test
    void answersMalformedRequestsWithTheErrorShape() {
        login("not.a.jwt", null).statusCode(401).body("code", equalTo(401));
        login("", null).statusCode(400).body("code", equalTo(400));
        given().contentType(ContentType.JSON).body("{\"token\": \"x\"}").post("/api/v1/auth/federated")
                .then().statusCode(400).body("code", equalTo(400));
    }

    private static void allowIssuers(Account account, String... names) {
        given().header("Authorization", account.bearer()).contentType(ContentType.JSON)
                .body(Map.of("identity", Map.of("allowedIssuers", List.of(names))))
                .put("/api/v1/settings")
                .then().statusCode(200);
    }

    private static String headerWithAlg(String alg) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"alg\":\"" + alg + "\",\"kid\":\"rsa-1\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static ValidatableResponse login(String idToken, String issuer) {
        Map<String, Object> body = new HashMap<>();
        body.put("id_token", idToken);
        if (issuer != null) {
            body.put("issuer", issuer);
        }
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/auth/federated").then();
    }
}
