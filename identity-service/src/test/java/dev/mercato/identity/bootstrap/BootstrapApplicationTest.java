package dev.mercato.identity.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.mercato.identity.token.OAuthTestClient;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BootstrapApplicationTest {

    @Test
    void configuredBootstrapClientIsAPlatformAdminWithEveryScopeAndAHashedSecret() {
        Map<String, Object> row = TestSql.rows("""
                select a.role, a.scopes, a.secret_hash, a.status, o.kind from credential a
                join organization o on o.id = a.organization_id where a.id = ?""", OAuthTestClient.BOOTSTRAP_ID).get(0);
        assertThat(row.get("role")).isEqualTo("PLATFORM_ADMIN");
        assertThat(row.get("kind")).isEqualTo("PLATFORM");
        assertThat(row.get("status")).isEqualTo("ACTIVE");
        assertThat(((String) row.get("scopes")).split(" ")).containsExactlyInAnyOrderElementsOf(Scopes.ALL);
        assertThat((String) row.get("secret_hash")).isNotEqualTo(OAuthTestClient.BOOTSTRAP_SECRET).hasSize(43);

        var claims = OAuthTestClient.claims(OAuthTestClient.adminToken());
        assertThat(claims.path("org_kind").asText()).isEqualTo("PLATFORM");
        assertThat(claims.path("scope").asText().split(" ")).hasSize(Scopes.ALL.size());
    }
}
