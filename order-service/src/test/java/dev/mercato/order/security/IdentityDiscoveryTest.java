package dev.mercato.order.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;

import org.junit.jupiter.api.Test;

import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestIssuerClient;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** How order-service finds identity-service's keys: discovery at request time, JWKS refresh on an unknown key. */
@QuarkusTest
class IdentityDiscoveryTest {

    private final TestOrganization platform = TestOrganization.platform();

    @Test
    void startsWhileIdentityIsDownAndDiscoversItWhenATokenArrives() {
        // The test issuer refused discovery until the first token was minted, i.e. during the whole boot.
        String token = TestTokens.forRole(Role.PLATFORM_READER, platform);
        assertThat(TestIssuerClient.stats().refusedWhileOffline()).isPositive();

        given().auth().oauth2(token).get("/api/v1/accounts").then().statusCode(200);
        assertThat(TestIssuerClient.stats().discoveriesServed()).isPositive();
    }

    @Test
    void acceptsTokensSignedWithAKeyPublishedAfterStartUp() throws Exception {
        given().auth().oauth2(TestTokens.forRole(Role.PLATFORM_READER, platform)).get("/api/v1/accounts")
                .then().statusCode(200); // the first key set is cached from here on

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair rotated = generator.generateKeyPair();
        TestIssuerClient.publishKey((ECPublicKey) rotated.getPublic(), "rotated-key");
        String token = TestTokens.builder(Role.PLATFORM_READER, platform.id(), platform.path())
                .mintSignedWith(rotated.getPrivate(), "rotated-key");

        given().auth().oauth2(token).get("/api/v1/accounts").then().statusCode(200);
    }
}
