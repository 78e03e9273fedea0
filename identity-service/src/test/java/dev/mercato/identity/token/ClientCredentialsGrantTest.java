package dev.mercato.identity.token;

import static dev.mercato.identity.token.OAuthTestClient.BOOTSTRAP_ID;
import static dev.mercato.identity.token.OAuthTestClient.BOOTSTRAP_SECRET;
import static dev.mercato.identity.token.OAuthTestClient.basic;
import static dev.mercato.identity.token.OAuthTestClient.claims;
import static dev.mercato.identity.token.OAuthTestClient.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mercato.identity.key.SecretHasher;
import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ClientCredentialsGrantTest {

    @Inject
    SecretHasher hasher;

    @Test
    void issuesASeedShapedTokenWithTheDocumentedClaims() {
        OAuthTestClient.Client tenant = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN, null,
                Set.of(Scopes.READ_CUSTOMERS, Scopes.READ_APPLICATIONS));
        String accessToken = given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", tenant.clientId())
                .formParam("client_secret", tenant.secret())
                .when().post("/oauth/token")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(3600))
                .body("scope", equalTo("read:applications read:customers"))
                .body("refresh_token", nullValue())
                .extract().path("access_token");

        JsonNode header = header(accessToken);
        assertThat(header.path("alg").asText()).isEqualTo("ES256");
        assertThat(header.path("kid").asText()).startsWith("kid_");
        JsonNode claims = claims(accessToken);
        assertThat(claims.path("iss").asText()).isEqualTo(given().get("/.well-known/openid-configuration").path("issuer"));
        assertThat(claims.path("aud").asText()).isEqualTo("mercato");
        assertThat(claims.path("sub").asText()).isEqualTo(tenant.clientId());
        assertThat(claims.path("client_id").asText()).isEqualTo(tenant.clientId());
        assertThat(claims.path("org").asText()).isEqualTo(tenant.organizationId());
        assertThat(claims.path("org_kind").asText()).isEqualTo("TENANT");
        assertThat(claims.path("org_path").asText()).isEqualTo(tenant.organizationPath());
        assertThat(claims.path("role").asText()).isEqualTo("TENANT_ADMIN");
        assertThat(claims.path("jti").asText()).startsWith("tok_");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(3600);

        // The audit row is committed before the token is handed out.
        assertThat(TestSql.number("select count(*) from audit_event where action = 'token.issued' and target_id = ?",
                claims.path("jti").asText())).isEqualTo(1);
        // And the token is accepted by this service's own protected endpoints.
        given().auth().oauth2(accessToken).get("/api/v1/applications").then().statusCode(200);
    }

    @Test
    void documentsTheTokenEndpointInOpenApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/oauth/token'.post.requestBody.content", hasKey("application/x-www-form-urlencoded"))
                .body("paths.'/oauth/introspect'.post", notNullValue());
    }

    @Test
    void acceptsHttpBasicClientAuthentication() {
        given().contentType("application/x-www-form-urlencoded")
                .header("Authorization", basic(BOOTSTRAP_ID, BOOTSTRAP_SECRET))
                .formParam("grant_type", "client_credentials")
                .formParam("scope", "read:customers")
                .when().post("/oauth/token")
                .then().statusCode(200).body("scope", equalTo("read:customers"));
    }

    @Test
    void narrowsScopesAndRefusesScopesOutsideTheApplication() {
        OAuthTestClient.Client tenant = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN, null,
                Set.of(Scopes.READ_CUSTOMERS, Scopes.READ_ORDERS));
        String token = tenant.token(Scopes.READ_ORDERS);
        assertThat(claims(token).path("scope").asText()).isEqualTo("read:orders");

        OAuthTestClient.tokenRequest(Map.of("grant_type", "client_credentials", "client_id", tenant.clientId(),
                "client_secret", tenant.secret(), "scope", "read:orders write:catalog"))
                .then().statusCode(400)
                .header("Cache-Control", "no-store")
                .body("error", equalTo("invalid_scope"));
    }

    @Test
    void refusesBadClientsWith401AndWwwAuthenticate() {
        OAuthTestClient.tokenRequest(Map.of("grant_type", "client_credentials", "client_id", BOOTSTRAP_ID,
                "client_secret", "wrong"))
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Basic"))
                .body("error", equalTo("invalid_client"));
        OAuthTestClient.tokenRequest(Map.of("grant_type", "client_credentials", "client_id", "app_unknown",
                "client_secret", "whatever"))
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        OAuthTestClient.tokenRequest(Map.of("grant_type", "client_credentials"))
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        OAuthTestClient.tokenRequest(Map.of("grant_type", "client_credentials", "client_id", BOOTSTRAP_ID))
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().contentType("application/x-www-form-urlencoded").header("Authorization", "Basic !!not-base64!!")
                .formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(401).body("error", equalTo("invalid_client"));
        given().contentType("application/x-www-form-urlencoded").header("Authorization", "Bearer abc")
                .formParam("grant_type", "client_credentials")
                .post("/oauth/token").then().statusCode(401).body("error", equalTo("invalid_client"));
    }

    @Test
    void answersMalformedRequestsWithRfc6749Errors() {
        OAuthTestClient.tokenRequest(Map.of("client_id", BOOTSTRAP_ID, "client_secret", BOOTSTRAP_SECRET))
                .then().statusCode(400).body("error", equalTo("invalid_request"))
                .body("error_description", equalTo("grant_type is required"));
        OAuthTestClient.tokenRequest(Map.of("grant_type", "password", "client_id", BOOTSTRAP_ID,
                "client_secret", BOOTSTRAP_SECRET))
                .then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
        given().contentType(ContentType.JSON).body("{\"grant_type\":\"client_credentials\"}")
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_request"));
        given().post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_request"));
        given().contentType("application/x-www-form-urlencoded")
                .body("grant_type=client_credentials&grant_type=client_credentials&client_id=" + BOOTSTRAP_ID
                        + "&client_secret=" + BOOTSTRAP_SECRET)
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_request"));
        given().contentType("application/x-www-form-urlencoded")
                .header("Authorization", basic(BOOTSTRAP_ID, BOOTSTRAP_SECRET))
                .formParam("grant_type", "client_credentials")
                .formParam("client_secret", BOOTSTRAP_SECRET)
                .post("/oauth/token").then().statusCode(400).body("error", equalTo("invalid_request"));
        given().contentType("application/x-www-form-urlencoded").body("grant_type=%ZZ")
                .post("/oauth/token").then().statusCode(400);
    }
}
