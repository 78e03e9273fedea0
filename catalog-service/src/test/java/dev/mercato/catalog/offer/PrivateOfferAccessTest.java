package dev.mercato.catalog.offer;

import static dev.mercato.catalog.offer.OfferFixtures.OFFERS;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.testkit.TestMarketplace;
import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.AuthorizationMatrix;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Who reaches each private-offer endpoint. The vendor that owns an offer and the platform see it from the
 * start; the tenant it is addressed to and its partner and distributor see it once sent; every other
 * organization gets 404. A lifecycle action on an offer already past it answers 409 to every caller
 * allowed to act, so the matrices of those actions run on such offers: passing access reaches the state check.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivateOfferAccessTest {

    private TestMarketplace organizations;
    private OfferFixtures fixtures;

    @BeforeAll
    void organizations() {
        organizations = TestMarketplace.published();
        fixtures = new OfferFixtures(organizations);
    }

    @Test
    void showsASentOfferToItsVendorAndToTheCustomerSide() {
        String id = fixtures.sent();
        String vendorPath = organizations.vendor.path();
        String tenantPath = organizations.tenant.path();
        AuthorizationMatrix.get(OFFERS + "/" + id)
                .requiring(Scopes.READ_PRIVATE_OFFERS).exposing(id, vendorPath).alsoSeenAt(tenantPath)
                .callersFrom(organizations.callers()).verify();
        AuthorizationMatrix.get(OFFERS + "?limit=100&listing=" + fixtures.listingId())
                .requiring(Scopes.READ_PRIVATE_OFFERS).exposing(id, vendorPath).alsoSeenAt(tenantPath).hiddenWith(200)
                .callersFrom(organizations.callers()).verify();
        AuthorizationMatrix.get(OFFERS + "/-dump")
                .requiring(Scopes.READ_PRIVATE_OFFERS).exposing(id, vendorPath).alsoSeenAt(tenantPath).hiddenWith(200)
                .callersFrom(organizations.callers()).verify();
    }

    @Test
    void showsADraftOnlyToItsVendorAndThePlatform() {
        String id = fixtures.draft();
        String vendorPath = organizations.vendor.path();
        AuthorizationMatrix.get(OFFERS + "/" + id)
                .requiring(Scopes.READ_PRIVATE_OFFERS).exposing(id, vendorPath)
                .callersFrom(organizations.callers()).verify();
        AuthorizationMatrix.get(OFFERS + "?limit=100&status=draft&listing=" + fixtures.listingId())
                .requiring(Scopes.READ_PRIVATE_OFFERS).exposing(id, vendorPath).hiddenWith(200)
                .callersFrom(organizations.callers()).verify();
        AuthorizationMatrix.get(OFFERS + "/-dump")
                .requiring(Scopes.READ_PRIVATE_OFFERS).exposing(id, vendorPath).hiddenWith(200)
                .callersFrom(organizations.callers()).verify();
    }

    @Test
    void letsTheVendorAndThePlatformCreateAnOfferOnTheVendorsListing() {
        // Another vendor names a listing it does not manage (400, naming listingId); the customer side makes no offers (403).
        AuthorizationMatrix.request("POST", OFFERS).body(fixtures.offerBody())
                .requiring(Scopes.WRITE_PRIVATE_OFFERS).exposing(null, organizations.vendor.path())
                .allowedWith(201).hiddenWith(400)
                .expect(Role.DISTRIBUTOR_ADMIN, organizations.distributor, 403)
                .expect(Role.PARTNER_ADMIN, organizations.partner, 403)
                .expect(Role.TENANT_ADMIN, organizations.tenant, 403)
                .expect(Role.PARTNER_ADMIN, organizations.otherPartner, 403)
                .expect(Role.TENANT_ADMIN, organizations.otherTenant, 403)
                .callersFrom(organizations.callers()).verify();
    }

    @Test
    void letsOnlyTheVendorSideEditADraft() {
        String id = fixtures.draft();
        AuthorizationMatrix.request("PATCH", OFFERS + "/" + id).body("{\"title\": \"Changed\"}")
                .requiring(Scopes.WRITE_PRIVATE_OFFERS).exposing(id, organizations.vendor.path())
                .callersFrom(organizations.callers()).verify();
    }

    @Test
    void letsOnlyTheVendorSideSendOrCancel() {
        String sent = fixtures.sent();
        vendorSideAction(sent, "send");
        String accepted = fixtures.accepted();
        vendorSideAction(accepted, "cancel");
    }

    private void vendorSideAction(String id, String action) {
        // The customer side sees the offer but may not act for the vendor: 403.
        AuthorizationMatrix.request("POST", OFFERS + "/" + id + "/" + action)
                .requiring(Scopes.WRITE_PRIVATE_OFFERS).exposing(id, organizations.vendor.path()).allowedWith(409)
                .expect(Role.DISTRIBUTOR_ADMIN, organizations.distributor, 403)
                .expect(Role.PARTNER_ADMIN, organizations.partner, 403)
                .expect(Role.TENANT_ADMIN, organizations.tenant, 403)
                .callersFrom(organizations.callers()).verify();
    }

    @Test
    void letsOnlyTheCustomerSideAcceptOrDecline() {
        String accepted = fixtures.accepted();
        customerSideAction(accepted, "accept");
        customerSideAction(accepted, "decline");
    }

    private void customerSideAction(String id, String action) {
        // The vendor sees its offer but never answers it: 403.
        AuthorizationMatrix.request("POST", OFFERS + "/" + id + "/" + action)
                .requiring(Scopes.WRITE_PRIVATE_OFFERS).exposing(id, organizations.tenant.path()).allowedWith(409)
                .expect(Role.VENDOR_ADMIN, organizations.vendor, 403)
                .callersFrom(organizations.callers()).verify();
    }
}
