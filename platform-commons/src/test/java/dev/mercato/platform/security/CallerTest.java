package dev.mercato.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import dev.mercato.platform.persistence.Listings.Visibility;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

class CallerTest {

    private static final String PARTNER_PATH = "org_p/org_d/org_a";

    @Test
    void readsTheCallerFromTheTokenClaims() {
        Caller caller = callerOf(claims(Role.PARTNER_ADMIN, "org_a", PARTNER_PATH, "read:customers write:orders"));

        assertThat(caller.subject()).isEqualTo("usr_1");
        assertThat(caller.clientId()).isEqualTo("app_1");
        assertThat(caller.organizationId()).isEqualTo("org_a");
        assertThat(caller.organizationKind()).isEqualTo("PARTNER");
        assertThat(caller.organizationPath()).isEqualTo(PARTNER_PATH);
        assertThat(caller.role()).isEqualTo(Role.PARTNER_ADMIN);
        assertThat(caller.scopes()).containsExactlyInAnyOrder("read:customers", "write:orders");
    }

    @Test
    void grantsOnlyTheScopesTheRoleAllows() {
        Caller reader = callerOf(claims(Role.PARTNER_READER, "org_a", PARTNER_PATH, "read:customers write:customers"));

        assertThat(reader.scopes()).containsExactly("read:customers");
        assertThat(reader.hasScope("write:customers")).isFalse();
        assertThatThrownBy(() -> reader.requireScope("write:customers")).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(reader::requireWriter).isInstanceOf(ForbiddenException.class);
        reader.requireScope("read:customers");
    }

    @Test
    void seesItsOwnOrganizationAndWhatLiesBelowIt() {
        Caller caller = callerOf(claims(Role.PARTNER_ADMIN, "org_a", PARTNER_PATH, "read:customers"));

        assertThat(caller.canSee(PARTNER_PATH)).isTrue();
        assertThat(caller.canSee(PARTNER_PATH + "/org_t")).isTrue();
        assertThat(caller.canSee("org_p/org_d")).isFalse();
        assertThat(caller.canSee("org_p/org_d/org_b/org_t")).isFalse();
        assertThat(caller.canSee(PARTNER_PATH + "x/org_t")).isFalse();
        assertThat(caller.canSee(null)).isFalse();
    }

    @Test
    void limitsQueriesToTheCallersSubtreeWithLikeWildcardsEscaped() {
        Caller caller = callerOf(claims(Role.PARTNER_ADMIN, "org_a%", "org_p/org_a%", "read:customers"));

        Visibility visibility = caller.visibility("ownerPath");

        assertThat(visibility.condition())
                .isEqualTo("(ownerPath = :callerPath or ownerPath like :callerPathPrefix escape '\\')");
        assertThat(visibility.parameters()).containsExactlyInAnyOrderEntriesOf(
                Map.of("callerPath", "org_p/org_a%", "callerPathPrefix", "org\\_p/org\\_a\\%/%"));
        assertThatThrownBy(() -> caller.visibility("path or 1=1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnAnonymousCaller() {
        Caller anonymous = new Caller(QuarkusSecurityIdentity.builder().setAnonymous(true).build());

        assertThatThrownBy(anonymous::organizationPath).isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> anonymous.visibility("path")).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void refusesTokensWithoutConsistentMercatoClaims() {
        Map<String, Object> noOrganization = claims(Role.TENANT_ADMIN, "org_t", "org_p/org_t", "read:customers");
        noOrganization.remove("org");
        Map<String, Object> wrongKind = claims(Role.PLATFORM_ADMIN, "org_t", "org_p/org_t", "read:customers");
        wrongKind.put("org_kind", "TENANT");
        Map<String, Object> unknownRole = claims(Role.TENANT_ADMIN, "org_t", "org_p/org_t", "read:customers");
        unknownRole.put("role", "SUPERUSER");
        Map<String, Object> foreignPath = claims(Role.TENANT_ADMIN, "org_t", "org_p/org_x", "read:customers");

        for (Map<String, Object> claims : java.util.List.of(noOrganization, wrongKind, unknownRole, foreignPath)) {
            assertThatThrownBy(() -> CallerClaims.from(token(claims)))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    private static Map<String, Object> claims(Role role, String org, String path, String scope) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("sub", "usr_1");
        claims.put("client_id", "app_1");
        claims.put("org", org);
        claims.put("org_kind", role.organizationKind());
        claims.put("org_path", path);
        claims.put("role", role.name());
        claims.put("scope", scope);
        claims.put("jti", "jti-1");
        claims.put("iat", 1_768_564_800L);
        return claims;
    }

    private static Caller callerOf(Map<String, Object> claims) {
        JsonWebToken token = token(claims);
        return new Caller(QuarkusSecurityIdentity.builder().setPrincipal(token)
                .addAttribute(CallerClaims.ATTRIBUTE, CallerClaims.from(token)).build());
    }

    private static JsonWebToken token(Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return (String) claims.get("sub");
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }

}
