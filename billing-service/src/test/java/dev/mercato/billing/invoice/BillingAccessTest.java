package dev.mercato.billing.invoice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.mercato.billing.BillingWorld;
import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.AuthorizationMatrix;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Who may read and move invoices and notes: a tenant its own, partners and distributors their subtree, the platform all. */
@QuarkusTest
class BillingAccessTest {

    @Test
    void invoicesAndNotesFollowTheOrganizationTree() {
        BillingWorld world = BillingRunTest.billedWorld();
        String id = BillingRunTest.run(world, true);
        var callers = new dev.mercato.testkit.TestOrganization[] { world.platform, world.distributor, world.partner,
                world.tenant, world.otherPartner, world.otherTenant };

        AuthorizationMatrix.get("/api/v1/invoices/" + id).requiring(Scopes.READ_BILLING)
                .exposing(id, world.tenant.path()).callersFrom(callers).verify();
        AuthorizationMatrix.get("/api/v1/invoices/" + id + ".csv").requiring(Scopes.READ_BILLING)
                .exposing(id, world.tenant.path()).callersFrom(callers).verify();
        AuthorizationMatrix.get("/api/v1/invoices?customerId=" + world.tenant.id()).requiring(Scopes.READ_BILLING)
                .exposing(id, world.tenant.path()).hiddenWith(200).callersFrom(callers).verify();
        AuthorizationMatrix.get("/api/v1/invoices/-dump").requiring(Scopes.READ_BILLING)
                .exposing(id, world.tenant.path()).hiddenWith(200).callersFrom(callers).verify();
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        AuthorizationMatrix.get("/api/v1/invoices/-export?from=" + today + "&to=" + today).requiring(Scopes.READ_BILLING)
                .exposing(id, world.tenant.path()).hiddenWith(200).callersFrom(callers).verify();
        AuthorizationMatrix.get("/api/v1/billing/summary?period=" + world.month + "&customerId=" + world.tenant.id())
                .requiring(Scopes.READ_BILLING).exposing(world.tenant.id(), world.tenant.path()).callersFrom(callers)
                .verify();
        String entry = TestSql.rows("select id from commission_entry where invoice_id = ? and beneficiary_kind = 'PARTNER'",
                id).getFirst().get("id").toString();
        AuthorizationMatrix.get("/api/v1/commissions?invoiceId=" + id).requiring(Scopes.READ_BILLING)
                .exposing(entry, world.partner.path()).hiddenWith(200).callersFrom(callers).verify();
        AuthorizationMatrix.get("/api/v1/commissions/-dump").requiring(Scopes.READ_BILLING)
                .exposing(entry, world.partner.path()).hiddenWith(200).callersFrom(callers).verify();
        AuthorizationMatrix.get("/api/v1/commissions/summary?period=" + world.month).requiring(Scopes.READ_BILLING)
                .exposing(world.partner.id(), world.partner.path()).hiddenWith(200).callersFrom(callers).verify();

        AuthorizationMatrix.request("POST", "/api/v1/invoices/" + id + "/void").requiring(Scopes.WRITE_BILLING)
                .exposing(id, world.tenant.path()).callersFrom(callers).verify();
        String note = TestSql.rows("select id from credit_note where invoice_id = ?", id).getFirst().get("id").toString();
        AuthorizationMatrix.get("/api/v1/credit-notes/" + note).requiring(Scopes.READ_BILLING)
                .exposing(note, world.tenant.path()).callersFrom(callers).verify();
        AuthorizationMatrix.get("/api/v1/credit-notes?invoiceId=" + id).requiring(Scopes.READ_BILLING)
                .exposing(note, world.tenant.path()).hiddenWith(200).callersFrom(callers).verify();
        AuthorizationMatrix.get("/api/v1/credit-notes/-dump").requiring(Scopes.READ_BILLING)
                .exposing(note, world.tenant.path()).hiddenWith(200).callersFrom(callers).verify();
        // a void invoice is never paid
        AuthorizationMatrix.request("POST", "/api/v1/invoices/" + id + "/pay").requiring(Scopes.WRITE_BILLING)
                .allowedWith(409).exposing(id, world.tenant.path()).callersFrom(callers).verify();
        given().auth().oauth2(OrganizationEvents.platformAdmin()).get("/api/v1/invoices/" + id).then().statusCode(200)
                .body("data.status", equalTo("VOID"));
    }

    @Test
    void revenueFollowsTheOrganizationTreeAndIsNoVendorsBusiness() {
        BillingWorld world = BillingWorld.create();
        world.subscription(world.tenant, world.day(1), world.month.atEndOfMonth(), 2, "120.00", null);
        dev.mercato.testkit.TestOrganization vendor = world.platform.child("VENDOR");
        world.organization(vendor);
        AuthorizationMatrix.get("/api/v1/analytics/revenue?from=" + world.month + "&to=" + world.month + "&customerId="
                        + world.tenant.id())
                .requiring(Scopes.READ_ANALYTICS).exposing(world.tenant.id(), world.tenant.path())
                .callersFrom(world.platform, world.distributor, world.partner, world.tenant, world.otherPartner,
                        world.otherTenant, vendor)
                .expect(Role.VENDOR_ADMIN, vendor, 403).expect(Role.VENDOR_READER, vendor, 403)
                .verify();
    }

    @Test
    void onlyThePlatformRunsBilling() {
        BillingWorld world = BillingWorld.create();
        AuthorizationMatrix.request("POST", "/api/v1/billing-runs?dryRun=true")
                .body("{\"period\": \"" + world.month + "\"}").requiring(Scopes.WRITE_BILLING)
                .exposingToEveryone(world.month.toString()).callersFrom(world.platform, world.partner, world.tenant)
                .verify();
        given().auth().oauth2(TestTokens.forRole(Role.PLATFORM_READER, world.platform, Scopes.WRITE_BILLING))
                .contentType(ContentType.JSON).body("{\"period\": \"" + world.month + "\"}")
                .post("/api/v1/billing-runs").then().statusCode(403);
    }
}
