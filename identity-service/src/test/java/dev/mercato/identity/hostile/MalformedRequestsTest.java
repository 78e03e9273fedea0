package dev.mercato.identity.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.mercato.identity.token.OAuthTestClient;
import dev.mercato.testkit.HostileRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Thousands of malformed requests at identity's endpoints: each is answered, and none with a 5xx. */
@QuarkusTest
class MalformedRequestsTest {

    private static final long SEED = 20_261_201L;

    @Test
    void answersNoMalformedRequestWithAServerError() throws Exception {
        String token = OAuthTestClient.adminToken();
        HostileRequests.Tally tally = new HostileRequests(RestAssured.port, SEED, () -> token)
                .endpoint("POST", "/api/v1/distributors", """
                        {"name": "Fuzz Distribution", "countryCode": "FI", "currency": "EUR", "billingDay": 5,
                         "address": {"line1": "Street 1", "city": "Helsinki"}, "metadata": {"seats": 3, "tier": "gold"}}""")
                .endpoint("GET", "/api/v1/tenants", null)
                .endpoint("GET", "/api/v1/tenants/{id}", null)
                .endpoint("PATCH", "/api/v1/vendors/{id}", "{\"name\": \"x\", \"status\": \"ACTIVE\", \"metadata\": {}}")
                .endpoint("GET", "/api/v1/users", null)
                .endpoint("PATCH", "/api/v1/users/{id}", "{\"name\": \"x\", \"status\": \"ACTIVE\"}")
                .endpoint("PUT", "/api/v1/users/{id}/role", "{\"role\": \"TENANT_READER\", \"organizationId\": \"org_1\"}")
                .endpoint("POST", "/api/v1/applications", "{\"name\": \"fuzz\", \"description\": \"d\", \"scopes\": [\"read:customers\"]}")
                .endpoint("POST", "/api/v1/applications/{id}/rotate-secret", null)
                .endpoint("PATCH", "/api/v1/applications/{id}", "{\"name\": \"x\", \"scopes\": [\"read:customers\"]}")
                .endpoint("POST", "/api/v1/api-keys", "{\"name\": \"fuzz\", \"scopes\": [\"read:customers\"]}")
                .endpoint("GET", "/api/v1/settings", null)
                .endpoint("PUT", "/api/v1/settings", """
                        {"branding": {"displayName": "Fuzz", "logoUrl": "https://example.com/l.png", "primaryColor": "#112233"},
                         "identity": {"allowedIssuers": [], "passwordMinLength": 14}}""")
                .endpoint("GET", "/api/v1/audit-events", null)
                .endpoint("GET", "/api/v1/roles", null)
                .endpoint("POST", "/api/v1/auth/federated", "{\"id_token\": \"a.b.c\"}")
                .endpoint("POST", "/oauth/introspect", null)
                .endpoint("GET", "/.well-known/openid-configuration", null)
                .send(3000);

        System.out.println("malformed requests to identity-service: " + tally);
        assertThat(tally.serverErrors()).isEmpty();
        assertThat(tally.byStatus().keySet()).as("answers other than 2xx/4xx").allMatch(status -> status >= 200 && status < 500);
    }
}
