package dev.mercato.catalog.plan;

import static dev.mercato.catalog.plan.PlanFixtures.create;
import static dev.mercato.catalog.plan.PlanFixtures.planBody;
import static dev.mercato.catalog.plan.PlanFixtures.publish;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.testkit.TestMarketplace;
import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.AuthorizationMatrix;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every reader of the catalogue sees published plans and their prices; a draft only its vendor and the
 * platform, who alone change a plan (anyone else: 404, another vendor naming this one as owner: 400).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanAccessTest {

    private TestMarketplace organizations;
    private String vendorAdmin;

    @BeforeAll
    void organizations() {
        organizations = TestMarketplace.published();
        vendorAdmin = TestTokens.forRole(Role.VENDOR_ADMIN, organizations.vendor);
    }

    private String vendorPath() {
        return organizations.vendor.path();
    }

    @Test
    void showsADraftOnlyToItsVendorAndThePlatform() {
        String draft = create(vendorAdmin, planBody("Draft only"));
        AuthorizationMatrix.get("/api/v1/plans/" + draft)
                .requiring(Scopes.READ_CATALOG).exposing(draft, vendorPath())
                .callersFrom(organizations.callers()).verify();
        AuthorizationMatrix.get("/api/v1/plans/" + draft + "/versions/1")
                .requiring(Scopes.READ_CATALOG).exposing(draft, vendorPath())
                .callersFrom(organizations.callers()).verify();
        AuthorizationMatrix.get("/api/v1/plans?limit=100&ownerId=" + organizations.vendor.id())
                .requiring(Scopes.READ_CATALOG).exposing(draft, vendorPath()).hiddenWith(200)
                .callersFrom(organizations.callers()).verify();
        AuthorizationMatrix.get("/api/v1/plans/-dump")
                .requiring(Scopes.READ_CATALOG).exposing(draft, vendorPath()).hiddenWith(200)
                .callersFrom(organizations.callers()).verify();
    }

    @Test
    void showsAPublishedPlanAndItsPricesToEveryRoleThatReadsTheCatalogue() {
        String published = create(vendorAdmin, planBody("Published"));
        publish(vendorAdmin, published);
        AuthorizationMatrix.get("/api/v1/plans/" + published)
                .requiring(Scopes.READ_CATALOG).exposingToEveryone(published)
                .callersFrom(organizations.callers()).verify();
        AuthorizationMatrix.get("/api/v1/plans/" + published + "/versions/1")
                .requiring(Scopes.READ_CATALOG).exposingToEveryone(published)
                .callersFrom(organizations.callers()).verify();
        AuthorizationMatrix.get("/api/v1/plans?limit=100&ownerId=" + organizations.vendor.id())
                .requiring(Scopes.READ_CATALOG).exposingToEveryone(published)
                .callersFrom(organizations.callers()).verify();
        AuthorizationMatrix.get("/api/v1/plans/-dump")
                .requiring(Scopes.READ_CATALOG).exposingToEveryone(published)
                .callersFrom(organizations.callers()).verify();
        AuthorizationMatrix.get("/api/v1/pricing?planId=" + published)
                .requiring(Scopes.READ_CATALOG).exposingToEveryone(published)
                .callersFrom(organizations.callers()).verify();
        AuthorizationMatrix.get("/api/v1/pricing/-dump")
                .requiring(Scopes.READ_CATALOG).exposingToEveryone(published)
                .callersFrom(organizations.callers()).verify();
    }

    @Test
    void letsVendorsAndThePlatformCreatePlansForTheVendor() {
        String body = planBody("Matrix", "USD", PlanFixtures.SEAT_AND_SETUP,
                "\"vendorId\": \"" + organizations.vendor.id() + "\"");
        AuthorizationMatrix.request("POST", "/api/v1/plans").body(body)
                .requiring(Scopes.WRITE_CATALOG).exposing(organizations.vendor.id(), vendorPath())
                .allowedWith(201).hiddenWith(400)
                .callersFrom(organizations.callers()).verify();
    }

    @Test
    void letsOnlyItsVendorAndThePlatformChangeADraft() {
        String draft = create(vendorAdmin, planBody("Changed"));
        AuthorizationMatrix.request("PATCH", "/api/v1/plans/" + draft).body("{\"description\": \"Changed\"}")
                .requiring(Scopes.WRITE_CATALOG).exposing(draft, vendorPath())
                .callersFrom(organizations.callers()).verify();
    }

    @Test
    void letsOnlyItsVendorAndThePlatformPublishAndStartVersions() {
        // The first allowed caller publishes; the vendor after it finds nothing left to publish (409).
        String draft = create(vendorAdmin, planBody("Publish"));
        AuthorizationMatrix.request("POST", "/api/v1/plans/" + draft + "/publish")
                .requiring(Scopes.WRITE_CATALOG).exposing(draft, vendorPath())
                .expect(Role.PLATFORM_ADMIN, organizations.platform, 200).allowedWith(409)
                .callersFrom(organizations.callers()).verify();
        // Likewise the first new version is a draft, and a second one waits until it is published.
        AuthorizationMatrix.request("POST", "/api/v1/plans/" + draft + "/versions")
                .requiring(Scopes.WRITE_CATALOG).exposing(draft, vendorPath())
                .expect(Role.PLATFORM_ADMIN, organizations.platform, 201).allowedWith(409)
                .callersFrom(organizations.callers()).verify();
    }
}
