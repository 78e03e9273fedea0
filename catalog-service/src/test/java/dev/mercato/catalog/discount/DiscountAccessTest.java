package dev.mercato.catalog.discount;

import static dev.mercato.catalog.discount.DiscountFixtures.PLATFORM;
import static dev.mercato.catalog.discount.DiscountFixtures.as;
import static dev.mercato.catalog.discount.DiscountFixtures.created;
import static dev.mercato.catalog.discount.DiscountFixtures.percentageBody;
import static dev.mercato.catalog.discount.DiscountFixtures.redeem;
import static dev.mercato.catalog.discount.DiscountFixtures.with;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.AuthorizationMatrix;
import dev.mercato.testkit.TestOrganization;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Who reads, manages and redeems which discount: a vendor's discount that needs its code is seen by the
 * vendor and the platform only; one applied automatically is seen by every reader of the catalogue.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscountAccessTest {

    private final TestOrganization vendor = PLATFORM.child("VENDOR");
    private final TestOrganization otherVendor = PLATFORM.child("VENDOR");
    private final TestOrganization distributor = PLATFORM.child("DISTRIBUTOR");
    private final TestOrganization partner = distributor.child("PARTNER");
    private final TestOrganization tenant = partner.child("TENANT");

    private String vendorAdmin;
    private String secretCode;
    private String secret;
    private String automatic;

    @BeforeAll
    void publishTheTree() {
        DiscountFixtures.publish(vendor, otherVendor, distributor, partner, tenant);
    }

    // RestAssured knows the test port only once a test runs, so the discounts are made by the first one
    @BeforeEach
    void createDiscounts() {
        if (secret != null) {
            return;
        }
        vendorAdmin = DiscountFixtures.token(Role.VENDOR_ADMIN, vendor);
        Map<String, Object> body = percentageBody();
        secretCode = (String) body.get("code");
        secret = created(vendorAdmin, body);
        automatic = created(vendorAdmin, with(percentageBody(), "autoApply", true, "code", null));
    }

    private TestOrganization[] everyone() {
        return new TestOrganization[] { PLATFORM, vendor, otherVendor, distributor, partner, tenant };
    }

    @Test
    void showsADiscountThatNeedsItsCodeOnlyToItsVendorAndThePlatform() {
        AuthorizationMatrix.get("/api/v1/discounts/" + secret)
                .requiring(Scopes.READ_CATALOG)
                .exposing(secret, vendor.path())
                .callersFrom(everyone())
                .verify();
    }

    @Test
    void listsADiscountThatNeedsItsCodeOnlyForItsVendorAndThePlatform() {
        AuthorizationMatrix.get("/api/v1/discounts?limit=100&ownerId=" + vendor.id())
                .requiring(Scopes.READ_CATALOG)
                .exposing(secret, vendor.path())
                .hiddenWith(200)
                .callersFrom(everyone())
                .verify();
    }

    @Test
    void exportsADiscountThatNeedsItsCodeOnlyForItsVendorAndThePlatform() {
        AuthorizationMatrix.get("/api/v1/discounts/-dump")
                .requiring(Scopes.READ_CATALOG)
                .exposing(secret, vendor.path())
                .hiddenWith(200)
                .callersFrom(everyone())
                .verify();
    }

    @Test
    void showsAnAutomaticDiscountToEveryReaderOfTheCatalogue() {
        AuthorizationMatrix matrix = AuthorizationMatrix.get("/api/v1/discounts/" + automatic)
                .requiring(Scopes.READ_CATALOG)
                .exposing(automatic, vendor.path())
                .callersFrom(everyone());
        for (TestOrganization foreign : new TestOrganization[] { otherVendor, distributor, partner, tenant }) {
            matrix.expect(Role.valueOf(foreign.kind() + "_ADMIN"), foreign, 200)
                    .expect(Role.valueOf(foreign.kind() + "_READER"), foreign, 200);
        }
        matrix.verify();
        as(DiscountFixtures.token(Role.TENANT_READER, tenant)).get("/api/v1/discounts?limit=100&ownerId=" + vendor.id())
                .then().statusCode(200)
                .body("data.id", hasItem(automatic))
                .body("data.id", not(hasItem(secret)));
    }

    @Test
    void letsOnlyTheVendorAndThePlatformChangeADiscount() {
        AuthorizationMatrix.request("PATCH", "/api/v1/discounts/" + secret)
                .body("{\"description\": \"Changed while checking access\"}")
                .requiring(Scopes.WRITE_CATALOG)
                .exposing(secret, vendor.path())
                .callersFrom(everyone())
                .verify();
    }

    @Test
    void letsAVendorCreateOnlyItsOwnDiscountsAndThePlatformOnesForAnyVendor() {
        AuthorizationMatrix.request("POST", "/api/v1/discounts")
                .body("""
                        {"vendorId": "%s", "type": "PERCENTAGE", "percentage": 5, "description": "Created while checking access"}"""
                        .formatted(vendor.id()))
                .requiring(Scopes.WRITE_CATALOG)
                .exposing(vendor.id(), vendor.path())
                .allowedWith(201)
                .hiddenWith(400)
                .callersFrom(everyone())
                .verify();
    }

    @Test
    void letsThoseWhoPlaceOrdersRedeemADiscountTheyMaySee() {
        AuthorizationMatrix.request("POST", "/api/v1/discounts/" + secret + "/redemptions")
                .body("{\"customerId\": \"%s\"}".formatted(tenant.id()))
                .requiring(Scopes.WRITE_ORDERS)
                .exposing(secret, vendor.path())
                .allowedWith(201)
                .callersFrom(everyone())
                .verify();
    }

    @Test
    void letsAPartnerRedeemADiscountItCannotReadOnlyWithItsCode() {
        String partnerAdmin = DiscountFixtures.token(Role.PARTNER_ADMIN, partner);

        redeem(partnerAdmin, secret, Map.of("customerId", tenant.id(), "code", "WRONG-CODE"))
                .then().statusCode(404);
        redeem(partnerAdmin, secret, Map.of("customerId", tenant.id(), "code", secretCode.toLowerCase()))
                .then().statusCode(201)
                .body("data.discountId", equalTo(secret))
                .body("data.customerId", equalTo(tenant.id()));
    }
}
