package dev.mercato.identity.role;

import static dev.mercato.identity.user.TestAccounts.account;
import static dev.mercato.identity.user.TestAccounts.organization;
import static dev.mercato.identity.user.TestAccounts.platform;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mercato.identity.user.TestAccounts;
import dev.mercato.identity.user.TestAccounts.Account;
import dev.mercato.identity.user.TestAccounts.Org;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class RoleResourceTest {

    private Org partner;
    private Org tenant;
    private Account partnerAdmin;

    @BeforeEach
    void partnerWithATenant() {
        partner = organization("PARTNER", organization("DISTRIBUTOR", platform()));
        tenant = organization("TENANT", partner);
        partnerAdmin = account(partner, Role.PARTNER_ADMIN);
    }

    @Test
    void listsEveryRoleWithItsOrganizationKindAndScopes() {
        given().header("Authorization", partnerAdmin.bearer()).get("/api/v1/roles")
                .then().statusCode(200)
                .body("data", hasSize(Role.values().length))
                .body("data.find { it.name == 'TENANT_READER' }.organizationKind", equalTo("TENANT"))
                .body("data.find { it.name == 'TENANT_READER' }.reader", equalTo(true))
                .body("data.find { it.name == 'TENANT_READER' }.allowedScopes", everyItem(startsWith("read:")))
                .body("data.find { it.name == 'VENDOR_ADMIN' }.allowedScopes", hasItem("write:catalog"));
        given().header("Authorization", partnerAdmin.bearer()).queryParam("organizationKind", "PARTNER")
                .get("/api/v1/roles")
                .then().statusCode(200).body("data.name", equalTo(List.of("PARTNER_ADMIN", "PARTNER_READER")));
        given().header("Authorization", partnerAdmin.bearer()).queryParam("organizationKind", "GALAXY")
                .get("/api/v1/roles")
                .then().statusCode(400).body("errors[0].field", equalTo("organizationKind"));
    }

    @Test
    void promotesATenantReaderToAdminAndRevokesItsOldTokens() {
        Account reader = account(tenant, Role.TENANT_READER);

        assign(partnerAdmin, reader.userId(), Map.of("role", "TENANT_ADMIN"))
                .statusCode(200).body("data.role", equalTo("TENANT_ADMIN"));

        assertThat(TestSql.number("select count(*) from audit_event where action = 'user.role_assigned' and target_id = ?",
                reader.userId())).isEqualTo(1);
        assertThat(TestSql.number("select count(*) from credential_revocation where kind = 'SUBJECT' and value = ?",
                reader.userId())).isEqualTo(1);
        String fresh = loginAfterRevocation(reader.email());
        assertThat(TestAccounts.claims(fresh).path("role").asText()).isEqualTo("TENANT_ADMIN");
        assertThat(TestAccounts.scopes(fresh)).contains("write:users");
    }

    @Test
    void movesAUserToAnotherOrganizationOfTheCallersSubtree() {
        Account partnerReader = account(partner, Role.PARTNER_READER);

        assign(partnerAdmin, partnerReader.userId(), Map.of("role", "TENANT_ADMIN", "organizationId", tenant.id()))
                .statusCode(200)
                .body("data.organizationId", equalTo(tenant.id()))
                .body("data.role", equalTo("TENANT_ADMIN"));
        assertThat(TestSql.rows("select owner_path from app_user where id = ?", partnerReader.userId()).get(0)
                .get("owner_path")).isEqualTo(tenant.path());
    }

    @Test
    void refusesToGrantARoleMorePowerfulThanTheCallers() {
        Account tenantUser = account(tenant, Role.TENANT_READER);
        Account partnerReader = account(partner, Role.PARTNER_READER);
        Account tenantAdmin = account(tenant, Role.TENANT_ADMIN);

        // A partner's organization cannot hold a platform or distributor role…
        assign(partnerAdmin, partnerReader.userId(), Map.of("role", "PLATFORM_ADMIN"))
                .statusCode(403).body("code", equalTo(403));
        assign(partnerAdmin, partnerReader.userId(), Map.of("role", "DISTRIBUTOR_ADMIN")).statusCode(403);
        // …nor may it reach the platform's organization to put one there.
        assign(partnerAdmin, partnerReader.userId(), Map.of("role", "PARTNER_ADMIN", "organizationId", platform().id()))
                .statusCode(400).body("errors[0].field", equalTo("organizationId"));
        // A tenant admin cannot lift a user into the partner above it, nor touch the partner's users.
        assign(tenantAdmin, tenantUser.userId(), Map.of("role", "PARTNER_ADMIN", "organizationId", partner.id()))
                .statusCode(403);
        assign(tenantAdmin, partnerReader.userId(), Map.of("role", "TENANT_READER")).statusCode(404);
        // A role must belong to the organization's kind.
        assign(partnerAdmin, tenantUser.userId(), Map.of("role", "PARTNER_ADMIN")).statusCode(400)
                .body("errors[0].field", equalTo("role"));
        // Creating a user is granting too.
        given().header("Authorization", partnerAdmin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("email", TestAccounts.uniqueEmail("boss"), "name", "Boss", "role", "PLATFORM_ADMIN"))
                .post("/api/v1/users").then().statusCode(403);

        assertThat(TestSql.rows("select role from app_user where id = ?", partnerReader.userId()).get(0).get("role"))
                .isEqualTo("PARTNER_READER");
    }

    @Test
    void refusesGrantsByReadersAndChangesToYourOwnRole() {
        Account reader = account(partner, Role.PARTNER_READER);
        Account tenantUser = account(tenant, Role.TENANT_READER);

        assign(reader, tenantUser.userId(), Map.of("role", "TENANT_ADMIN")).statusCode(403);
        assign(partnerAdmin, partnerAdmin.userId(), Map.of("role", "PARTNER_READER")).statusCode(409);
        assign(partnerAdmin, tenantUser.userId(), Map.of()).statusCode(400).body("errors[0].field", equalTo("role"));
        assign(partnerAdmin, "usr_doesnotexist", Map.of("role", "TENANT_ADMIN")).statusCode(404);
    }

    @Test
    void letsThePlatformGrantAnyRoleAnywhere() {
        Account platformAdmin = account(platform(), Role.PLATFORM_ADMIN);
        Account partnerReader = account(partner, Role.PARTNER_READER);

        assign(platformAdmin, partnerReader.userId(), Map.of("role", "PLATFORM_READER", "organizationId", platform().id()))
                .statusCode(200).body("data.role", equalTo("PLATFORM_READER"));
        given().header("Authorization", partnerAdmin.bearer()).get("/api/v1/users/" + partnerReader.userId())
                .then().statusCode(404);
        given().header("Authorization", platformAdmin.bearer()).get("/api/v1/users")
                .then().statusCode(200).body("data.id", not(hasItem("usr_doesnotexist")));
    }

    /** Tokens issued in the same second as a subject revocation count as revoked; the next second they do not. */
    static String loginAfterRevocation(String email) {
        try {
            Thread.sleep(1_100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return TestAccounts.login(email, TestAccounts.PASSWORD);
    }

    private static ValidatableResponse assign(Account caller, String userId, Map<String, Object> body) {
        return given().header("Authorization", caller.bearer()).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/users/" + userId + "/role").then();
    }
}
