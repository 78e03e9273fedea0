package dev.mercato.order.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.mercato.platform.events.CredentialRevokedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestRevocations;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** Revocations published on identity.revocations take effect at once, without waiting for expiry. */
@QuarkusTest
class RevocationTest {

    private static final String ACCOUNTS = "/api/v1/accounts";

    private final TestOrganization platform = TestOrganization.platform();

    @Test
    void refusesARevokedTokenButNotAnotherOfTheSameClient() {
        String clientId = "app_" + UUID.randomUUID();
        String revoked = token().clientId(clientId).mint();
        String other = token().clientId(clientId).mint();
        accept(revoked);

        TestRevocations.revokeToken(TestTokens.claim(revoked, "jti"));

        refuse(revoked);
        accept(other);
    }

    @Test
    void refusesEveryTokenARevokedClientObtainedBeforeButNotAfter() {
        String clientId = "app_" + UUID.randomUUID();
        Instant now = Instant.now();
        String before = token().clientId(clientId).issuedAt(now.minusSeconds(60)).mint();
        String after = token().clientId(clientId).issuedAt(now).mint();

        TestRevocations.revokeClient(clientId, now.minusSeconds(30));

        refuse(before);
        accept(after);
        accept(token().issuedAt(now.minusSeconds(60)).mint()); // another client, same age
    }

    @Test
    void refusesEveryTokenOfADisabledUserIssuedUntilThen() {
        String subject = "usr_" + UUID.randomUUID();
        String token = token().subject(subject).mint();
        String throughAnotherApplication = token().subject(subject).clientId("app_" + UUID.randomUUID()).mint();
        accept(token);

        TestRevocations.revokeSubject(subject, Instant.now());

        refuse(token);
        refuse(throughAnotherApplication);
        accept(token().subject(subject).issuedAt(Instant.now().plusSeconds(1)).mint()); // re-enabled since
    }

    @Test
    void keepsRevocationsInTheDatabaseForTheNextStart() {
        String tokenId = UUID.randomUUID().toString();

        TestRevocations.revokeToken(tokenId);

        assertThat(TestSql.number("select count(*) from revoked_credential where kind = 'TOKEN' and value = ?"
                + " and expires_at > now()", tokenId)).isEqualTo(1);
    }

    @Test
    void skipsAMalformedRevocationAndAppliesTheNextOne() {
        TestKafka.send(Topics.IDENTITY_REVOCATIONS, "poison", "{\"kind\": \"TOKEN\"}",
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), CredentialRevokedV1.TYPE, "poison"));
        String token = token().mint();

        TestRevocations.revokeToken(TestTokens.claim(token, "jti"));

        refuse(token);
    }

    private TestTokens.Builder token() {
        return TestTokens.builder(Role.PLATFORM_READER, platform.id(), platform.path());
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
