package dev.mercato.identity.token;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.identity.key.SecretHasher;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestSql;
import io.restassured.response.Response;

/**
 * Test helpers that obtain real tokens from this identity-service: the bootstrap PLATFORM_ADMIN client
 * (from {@code %test.} config), and applications of any organization, stored directly so a test can
 * act as a tenant or partner without building the organization tree first.
 */
public final class OAuthTestClient {

    public static final String BOOTSTRAP_ID = "test-bootstrap-admin";
    public static final String BOOTSTRAP_SECRET = "test-bootstrap-secret-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    private OAuthTestClient() {
    }

    /** A client id and its secret. */
    public record Client(String clientId, String secret, String organizationId, String organizationPath) {

        public String token(String... scopes) {
            return OAuthTestClient.token(clientId, secret, scopes);
        }
    }

    /** An access token of the bootstrap client (PLATFORM_ADMIN, every scope). */
    public static String adminToken() {
        return token(BOOTSTRAP_ID, BOOTSTRAP_SECRET);
    }

    /** The platform organization's path, as the bootstrap client carries it. */
    public static String platformPath() {
        return claims(adminToken()).path("org_path").asText();
    }

    /** client_credentials with client_secret_post; {@code scopes} empty means all of the client's. */
    public static String token(String clientId, String secret, String... scopes) {
        var request = given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret);
        if (scopes.length > 0) {
            request.formParam("scope", String.join(" ", scopes));
        }
        return request.post("/oauth/token").then().statusCode(200).extract().path("access_token");
    }

    /** POST /oauth/token with the given form (client_secret_post or none). */
    public static Response tokenRequest(Map<String, String> form) {
        var request = given().contentType("application/x-www-form-urlencoded");
        form.forEach(request::formParam);
        return request.post("/oauth/token");
    }

    /**
     * Stores an active application of an organization below the platform that need not exist as an
     * organization row: {@code <platform>/<orgId>} (or deeper when {@code parentPath} is given).
     */
    public static Client insertApplication(SecretHasher hasher, Role role, String parentPath, Set<String> scopes) {
        String clientId = Ids.next("app");
        String secret = hasher.newSecret("mcs_");
        String organizationId = Ids.next("org");
        String path = (parentPath == null ? platformPath() : parentPath) + "/" + organizationId;
        TestSql.execute("""
                insert into credential (id, kind, name, description, scopes, role, organization_id,
                    organization_kind, owner_path, status, secret_hash, secret_rotated_at, created_by, created_at,
                    updated_at, version)
                values (?, 'APPLICATION', ?, null, ?, ?, ?, ?, ?, 'ACTIVE', ?, now() - interval '1 minute', 'test',
                    now(), now(), 0)""",
                clientId, "test " + role, String.join(" ", new TreeSet<>(scopes)), role.name(), organizationId,
                role.organizationKind(), path, hasher.hash(secret));
        return new Client(clientId, secret, organizationId, path);
    }

    /** An application with every scope its role allows. */
    public static Client insertApplication(SecretHasher hasher, Role role) {
        return insertApplication(hasher, role, null, role.allowedScopes());
    }

    /** The decoded claims of a JWT (no verification). */
    public static JsonNode claims(String jwt) {
        return part(jwt, 1);
    }

    /** The decoded header of a JWT. */
    public static JsonNode header(String jwt) {
        return part(jwt, 0);
    }

    public static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode part(String jwt, int index) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
