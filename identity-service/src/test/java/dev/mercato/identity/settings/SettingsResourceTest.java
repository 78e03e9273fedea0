package dev.mercato.identity.settings;

import static dev.mercato.identity.user.TestAccounts.account;
import static dev.mercato.identity.user.TestAccounts.organization;
import static dev.mercato.identity.user.TestAccounts.platform;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

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
class SettingsResourceTest {

    private Org partner;
    private Org tenant;
    private Account partnerAdmin;
    private Account tenantAdmin;

    @BeforeEach
    void partnerWithATenant() {
        partner = organization("PARTNER", organization("DISTRIBUTOR", platform()));
        tenant = organization("TENANT", partner);
        partnerAdmin = account(partner, Role.PARTNER_ADMIN);
        tenantAdmin = account(tenant, Role.TENANT_ADMIN);
    }

    @Test
    void answersTheDefaultsOfAnOrganizationWithoutSettings() {
        get(tenantAdmin, null).statusCode(200)
                .body("data.organizationId", equalTo(tenant.id()))
                .body("data.branding.displayName", nullValue())
                .body("data.identity.allowedIssuers", equalTo(List.of()))
                .body("data.identity.passwordMinLength", equalTo(12))
                .body("data.updatedAt", nullValue());
    }

    @Test
    void storesBrandingAndIdentityAndAuditsTheChange() {
        put(tenantAdmin, null, Map.of(
                "branding", Map.of("displayName", "Acme Portal", "logoUrl", "https://cdn.example/acme.png",
                        "primaryColor", "#1A73E8"),
                "identity", Map.of("allowedIssuers", List.of("local"), "passwordMinLength", 16)))
                .statusCode(200)
                .body("data.branding.displayName", equalTo("Acme Portal"))
                .body("data.branding.primaryColor", equalTo("#1a73e8"))
                .body("data.identity.allowedIssuers", equalTo(List.of("local")))
                .body("data.identity.passwordMinLength", equalTo(16));

        get(tenantAdmin, null).statusCode(200).body("data.branding.logoUrl", equalTo("https://cdn.example/acme.png"));
        assertThat(TestSql.number("select count(*) from audit_event where action = 'settings.updated' and target_id = ?"
                + " and owner_path = ?", tenant.id(), tenant.path())).isEqualTo(1);

        // The organization's password policy applies to its new users.
        given().header("Authorization", tenantAdmin.bearer()).contentType(ContentType.JSON)
                .body(Map.of("email", TestAccounts.uniqueEmail("policy"), "name", "Policy", "role", "TENANT_READER",
                        "password", "fourteen chars"))
                .post("/api/v1/users")
                .then().statusCode(400).body("errors[0].message", equalTo("must be at least 16 characters long"));
    }

    @Test
    void leavesSectionsTheRequestOmits() {
        put(tenantAdmin, null, Map.of("branding", Map.of("displayName", "First"))).statusCode(200);
        put(tenantAdmin, null, Map.of("identity", Map.of("passwordMinLength", 20))).statusCode(200)
                .body("data.branding.displayName", equalTo("First"))
                .body("data.identity.passwordMinLength", equalTo(20));
    }

    @Test
    void letsOnlyAnOrganizationAboveChangeLicensing() {
        put(tenantAdmin, null, Map.of("licensing", Map.of("seats", 500, "licenseType", "ENTERPRISE")))
                .statusCode(403).body("code", equalTo(403));

        put(partnerAdmin, tenant.id(), Map.of("licensing", Map.of("seats", 50, "licenseType", "STANDARD")))
                .statusCode(200).body("data.licensing.seats", equalTo(50));
        // Sending back what is stored is no change, so a tenant may round-trip its settings.
        put(tenantAdmin, null, Map.of("licensing", Map.of("seats", 50, "licenseType", "STANDARD"),
                "branding", Map.of("displayName", "Mine"))).statusCode(200);
    }

    @Test
    void answersInvalidSettingsWithFieldErrors() {
        put(tenantAdmin, null, Map.of("branding", Map.of("primaryColor", "blue", "logoUrl", "http://plain.example/x.png")))
                .statusCode(400)
                .body("errors.field", hasItem("branding.primaryColor"))
                .body("errors.field", hasItem("branding.logoUrl"));
        put(tenantAdmin, null, Map.of("identity", Map.of("passwordMinLength", 8))).statusCode(400)
                .body("errors[0].field", equalTo("identity.passwordMinLength"));
        put(tenantAdmin, null, Map.of("identity", Map.of("allowedIssuers", List.of("myspace")))).statusCode(400)
                .body("errors[0].field", equalTo("identity.allowedIssuers[0]"));
        put(partnerAdmin, tenant.id(), Map.of("licensing", Map.of("seats", 0))).statusCode(400)
                .body("errors[0].field", equalTo("licensing.seats"));
        put(tenantAdmin, null, Map.of("licensing", Map.of("licenseType", "PIRATED"))).statusCode(400);
    }

    @Test
    void hidesTheSettingsOfOrganizationsOutsideTheCallersSubtree() {
        Org otherTenant = organization("TENANT", organization("PARTNER", organization("DISTRIBUTOR", platform())));

        get(partnerAdmin, otherTenant.id()).statusCode(404).body("code", equalTo(404));
        get(tenantAdmin, partner.id()).statusCode(404);
        put(partnerAdmin, otherTenant.id(), Map.of("branding", Map.of("displayName", "Hijacked"))).statusCode(404);
        get(partnerAdmin, tenant.id()).statusCode(200).body("data.organizationId", equalTo(tenant.id()));
    }

    @Test
    void letsThePlatformReadAnyOrganizationsSettings() {
        Account platformReader = account(platform(), Role.PLATFORM_READER);
        put(tenantAdmin, null, Map.of("branding", Map.of("displayName", "Seen From Above"))).statusCode(200);

        get(platformReader, tenant.id()).statusCode(200).body("data.branding.displayName", equalTo("Seen From Above"));
        put(platformReader, tenant.id(), Map.of("branding", Map.of("displayName", "Nope"))).statusCode(403);
    }

    private static ValidatableResponse get(Account caller, String organizationId) {
        var request = given().header("Authorization", caller.bearer());
        if (organizationId != null) {
            request.queryParam("organizationId", organizationId);
        }
        return request.when().get("/api/v1/settings").then();
    }

    private static ValidatableResponse put(Account caller, String organizationId, Map<String, Object> body) {
        var request = given().header("Authorization", caller.bearer()).contentType(ContentType.JSON).body(body);
        if (organizationId != null) {
            request.queryParam("organizationId", organizationId);
        }
        return request.when().put("/api/v1/settings").then();
    }
}
