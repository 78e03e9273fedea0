package dev.mercato.identity.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.token.AccessToken;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;

import io.quarkus.test.junit.QuarkusTest;

/** Nimbus OAuth 2.0 SDK, unmodified, against discovery, the token endpoint and the JWKS. */
@QuarkusTest
class StandardClientLibraryTest {

    @Test
    void aStandardClientLibraryDiscoversGetsATokenAndVerifiesIt() throws Exception {
        String issuerUrl = given().get("/.well-known/openid-configuration").path("issuer");
        OIDCProviderMetadata metadata = OIDCProviderMetadata.resolve(new Issuer(issuerUrl));
        assertThat(metadata.getTokenEndpointURI()).isEqualTo(URI.create(issuerUrl + "/oauth/token"));

        AccessToken basicToken = requestToken(metadata, new ClientSecretBasic(new ClientID(OAuthTestClient.BOOTSTRAP_ID),
                new Secret(OAuthTestClient.BOOTSTRAP_SECRET)), new Scope("read:customers", "read:orders"));
        AccessToken postToken = requestToken(metadata, new ClientSecretPost(new ClientID(OAuthTestClient.BOOTSTRAP_ID),
                new Secret(OAuthTestClient.BOOTSTRAP_SECRET)), null);

        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(metadata.getJWKSetURI().toURL()).retrying(false).build();
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.ES256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>("mercato",
                new JWTClaimsSet.Builder().issuer(issuerUrl).build(), Set.of("sub", "jti", "exp", "iat", "scope")));

        JWTClaimsSet claims = processor.process(basicToken.getValue(), null);
        assertThat(claims.getSubject()).isEqualTo(OAuthTestClient.BOOTSTRAP_ID);
        assertThat(claims.getStringClaim("scope")).isEqualTo("read:customers read:orders");
        assertThat(processor.process(postToken.getValue(), null).getStringClaim("role")).isEqualTo("PLATFORM_ADMIN");
    }

    private static AccessToken requestToken(OIDCProviderMetadata metadata,
            ClientAuthentication auth, Scope scope) throws Exception {
        TokenRequest request = new TokenRequest(metadata.getTokenEndpointURI(), auth, new ClientCredentialsGrant(), scope);
        TokenResponse response = TokenResponse.parse(request.toHTTPRequest().send());
        assertThat(response.indicatesSuccess()).as(() -> response.toErrorResponse().getErrorObject().toString()).isTrue();
        AccessTokenResponse success = response.toSuccessResponse();
        assertThat(success.getTokens().getAccessToken().getLifetime()).isEqualTo(3600);
        return success.getTokens().getAccessToken();
    }
}
