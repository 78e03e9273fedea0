package dev.mercato.identity.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.identity.key.SecretHasher;
import dev.mercato.identity.token.OAuthTestClient;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AuditLogTest {

    @Inject
    SecretHasher hasher;

    @Test
    void recordsChangesWithTheActorAndNeverTheSecret() {
        OAuthTestClient.Client tenant = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN);
        String admin = tenant.token();
        var created = given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\": \"audited\", \"scopes\": [\"read:customers\"]}")
                .post("/api/v1/applications").then().statusCode(201).extract().jsonPath();
        String clientId = created.getString("data.clientId");
        String secret = created.getString("data.clientSecret");

        given().auth().oauth2(admin).queryParam("targetId", clientId).get("/api/v1/audit-events")
                .then().statusCode(200)
                .body("data.action", hasItem("application.created"))
                .body("data[0].actor", equalTo(tenant.clientId()))
                .body("data[0].details.name", equalTo("audited"));
        assertThat(TestSql.rows("select * from audit_event where target_id = ?", clientId).toString()).doesNotContain(secret);
    }

    @Test
    void showsOnlyTheCallersSubtreeAndNeedsReadAudit() {
        OAuthTestClient.Client tenant = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN);
        OAuthTestClient.Client other = OAuthTestClient.insertApplication(hasher, Role.TENANT_ADMIN);
        String otherJti = OAuthTestClient.claims(other.token()).path("jti").asText();
        String ownJti = OAuthTestClient.claims(tenant.token()).path("jti").asText();
        String tenantToken = tenant.token("read:audit");
        given().auth().oauth2(tenantToken).queryParam("action", "token.issued").queryParam("limit", 100)
                .get("/api/v1/audit-events").then().statusCode(200)
                .body("data.targetId", hasItem(ownJti))
                .body("data.targetId", not(hasItem(otherJti)));
        given().auth().oauth2(tenant.token("read:customers")).get("/api/v1/audit-events").then().statusCode(403);
        given().auth().oauth2(tenantToken).queryParam("sort", "details").get("/api/v1/audit-events").then().statusCode(400);
    }

    @Test
    void dropsDetailKeysThatNameSecrets() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("name", "x");
        details.put("clientSecret", "s");
        details.put("password", "p");
        details.put("refresh_token", "r");
        details.put("apiKey", "k");
        details.put("tokenType", "Bearer");
        assertThat(AuditLog.withoutSecrets(details)).containsOnlyKeys("name", "tokenType");
    }
}
