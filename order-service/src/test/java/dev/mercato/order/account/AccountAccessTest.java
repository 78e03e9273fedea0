package dev.mercato.order.account;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.AuthorizationMatrix;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Who sees which account: a distributor with two partners, each with a tenant, and a vendor, all in
 * Liechtenstein (no other test uses LI). A partner sees its own tenants and never the other partner's,
 * on list, get and -dump alike.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountAccessTest {

    private static final String COUNTRY = "LI";

    private final TestOrganization platform = OrganizationEvents.PLATFORM;
    private final TestOrganization distributor = platform.child("DISTRIBUTOR");
    private final TestOrganization partner = distributor.child("PARTNER");
    private final TestOrganization otherPartner = distributor.child("PARTNER");
    private final TestOrganization tenant = partner.child("TENANT");
    private final TestOrganization otherTenant = otherPartner.child("TENANT");
    private final TestOrganization vendor = platform.child("VENDOR");

    @BeforeAll
    void publishTheTree() {
        List<TestOrganization> tree = List.of(distributor, partner, otherPartner, tenant, otherTenant, vendor);
        for (TestOrganization organization : tree) {
            OrganizationEvents.send(organization, organization.kind() + " " + organization.id(), COUNTRY, 0);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.number("select count(*) from account where country_code = ?", COUNTRY)
                        == tree.size());
    }

    @Test
    void showsAnAccountOnlyToItsOwnOrganizationAndThoseAboveIt() {
        AuthorizationMatrix.get("/api/v1/accounts/" + tenant.id())
                .requiring(Scopes.READ_CUSTOMERS)
                .exposing(tenant)
                .callersFrom(platform, distributor, partner, tenant, otherPartner, otherTenant, vendor)
                .verify();
    }

    @Test
    void listsAnAccountOnlyForItsOwnOrganizationAndThoseAboveIt() {
        AuthorizationMatrix.get("/api/v1/accounts?limit=100&countryCode=" + COUNTRY)
                .requiring(Scopes.READ_CUSTOMERS)
                .exposing(tenant)
                .hiddenWith(200)
                .callersFrom(platform, distributor, partner, tenant, otherPartner, otherTenant, vendor)
                .verify();
    }

    @Test
    void exportsAnAccountOnlyForItsOwnOrganizationAndThoseAboveIt() {
        AuthorizationMatrix.get("/api/v1/accounts/-dump")
                .requiring(Scopes.READ_CUSTOMERS)
                .exposing(otherTenant)
                .hiddenWith(200)
                .callersFrom(platform, distributor, otherPartner, otherTenant, partner, tenant, vendor)
                .verify();
    }

    @Test
    void givesAPartnerExactlyItsOwnSubtreeOnListAndExport() {
        String token = TestTokens.forRole(Role.PARTNER_READER, partner);
        given().auth().oauth2(token).queryParam("limit", 100).get("/api/v1/accounts")
                .then().statusCode(200).body("data.id", containsInAnyOrder(partner.id(), tenant.id()));
        given().auth().oauth2(token).get("/api/v1/accounts/-dump")
                .then().statusCode(200).body("id", containsInAnyOrder(partner.id(), tenant.id()));
        given().auth().oauth2(TestTokens.forRole(Role.TENANT_ADMIN, otherTenant)).get("/api/v1/accounts/-dump")
                .then().statusCode(200).body("id", containsInAnyOrder(otherTenant.id()));
    }

    @Test
    void treatsUnderscoresInOrganizationIdsLiterally() {
        // Same length as the partner's id, differing only where its id has '_': an unescaped LIKE would match.
        TestOrganization lookalike = distributor.child("PARTNER", partner.id().replace('_', 'x'));
        TestOrganization lookalikeTenant = lookalike.child("TENANT");
        OrganizationEvents.send(lookalike, "Lookalike", "LU", 0);
        OrganizationEvents.send(lookalikeTenant, "Lookalike tenant", "LU", 0);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.number("select count(*) from account where id = ?", lookalikeTenant.id()) == 1);

        given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, partner)).get("/api/v1/accounts/-dump")
                .then().statusCode(200).body("id", containsInAnyOrder(partner.id(), tenant.id()));
        given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, partner))
                .get("/api/v1/accounts/" + lookalikeTenant.id())
                .then().statusCode(404);
    }
}
