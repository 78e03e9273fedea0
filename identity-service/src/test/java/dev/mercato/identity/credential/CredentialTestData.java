package dev.mercato.identity.credential;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.TreeSet;

import dev.mercato.identity.key.SecretHasher;
import dev.mercato.identity.token.OAuthTestClient;
import dev.mercato.platform.id.Ids;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestSql;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Organizations through the public API, and applications of those real organizations. */
final class CredentialTestData {

    private CredentialTestData() {
    }

    /** Creates an organization in {@code collection} (distributors, partners, tenants); returns its id. */
    static String organization(String collection, String name, String parentId) {
        String parent = parentId == null ? "" : ", \"parentId\": \"" + parentId + "\"";
        return given().auth().oauth2(OAuthTestClient.adminToken()).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\", \"countryCode\": \"FI\"" + parent + "}")
                .post("/api/v1/" + collection)
                .then().statusCode(201).extract().path("data.id");
    }

    /** Sets the status of an organization of {@code collection}, as the platform operator. */
    static void setStatus(String collection, String id, String status) {
        given().auth().oauth2(OAuthTestClient.adminToken()).contentType(ContentType.JSON)
                .body("{\"status\": \"" + status + "\"}")
                .patch("/api/v1/" + collection + "/" + id)
                .then().statusCode(200).body("data.status", equalTo(status));
    }

    /** An active application of the (existing) organization with every scope {@code role} allows. */
    static OAuthTestClient.Client application(SecretHasher hasher, String organizationId, Role role) {
        String path = (String) TestSql.rows("select path from organization where id = ?", organizationId).get(0)
                .get("path");
        String clientId = Ids.next("app");
        String secret = hasher.newSecret("mcs_");
        TestSql.execute("""
                insert into credential (id, kind, name, scopes, role, organization_id, organization_kind, owner_path,
                    status, secret_hash, secret_rotated_at, created_by, created_at, updated_at, version)
                values (?, 'APPLICATION', 'test', ?, ?, ?, ?, ?, 'ACTIVE', ?, now() - interval '1 minute', 'test',
                    now(), now(), 0)""",
                clientId, String.join(" ", new TreeSet<>(role.allowedScopes())), role.name(), organizationId,
                role.organizationKind(), path, hasher.hash(secret));
        return new OAuthTestClient.Client(clientId, secret, organizationId, path);
    }

    /** POST /oauth/token, client_credentials with client_secret_post. */
    static Response clientCredentials(String clientId, String secret) {
        return OAuthTestClient.tokenRequest(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    /** Creates an API key as {@code adminToken}; returns {id, key}. */
    static String[] apiKey(String adminToken, String scope) {
        var created = given().auth().oauth2(adminToken).contentType(ContentType.JSON)
                .body("{\"name\": \"worker key\", \"scopes\": [\"" + scope + "\"]}")
                .post("/api/v1/api-keys").then().statusCode(201).extract().jsonPath();
        return new String[] { created.getString("data.id"), created.getString("data.key") };
    }

    /** POST /api/v1/auth with the key. */
    static Response exchange(String key) {
        return given().header("Authorization", "Basic " + key).post("/api/v1/auth");
    }

    /** POST /oauth/token, refresh_token grant without client authentication. */
    static Response refresh(String refreshToken) {
        return given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken).post("/oauth/token");
    }
}
