package dev.mercato.catalog.listing;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.testkit.TestMarketplace;
import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.AuthorizationMatrix;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** Every role reads every listing; only its vendor and the platform change one (another vendor gets 404). */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingAccessTest {

    private TestMarketplace organizations;
    private String listingId;

    @BeforeAll
    void organizations() {
        organizations = TestMarketplace.published();
    }

    /** Created on first use: RestAssured knows the test port only once a test runs. */
    private String listingId() {
        if (listingId == null) {
            listingId = given().auth().oauth2(TestTokens.forRole(Role.VENDOR_ADMIN, organizations.vendor))
                    .contentType("application/json").body(ListingResourceTest.listingBody("Access"))
                    .post("/api/v1/listings").then().statusCode(201).extract().path("data.id");
        }
        return listingId;
    }

    @Test
    void showsAListingToEveryRoleThatReadsTheCatalogue() {
        String listingId = listingId();
        AuthorizationMatrix.get("/api/v1/listings/" + listingId)
                .requiring(Scopes.READ_CATALOG).exposingToEveryone(listingId)
                .callersFrom(organizations.callers()).verify();
        AuthorizationMatrix.get("/api/v1/listings?limit=100&vendorId=" + organizations.vendor.id())
                .requiring(Scopes.READ_CATALOG).exposingToEveryone(listingId)
                .callersFrom(organizations.callers()).verify();
        AuthorizationMatrix.get("/api/v1/listings/-dump")
                .requiring(Scopes.READ_CATALOG).exposingToEveryone(listingId)
                .callersFrom(organizations.callers()).verify();
    }

    @Test
    void letsOnlyItsVendorAndThePlatformChangeIt() {
        String listingId = listingId();
        String path = "/api/v1/listings/" + listingId;
        String vendorPath = organizations.vendor.path();
        AuthorizationMatrix.request("PATCH", path).body("{\"description\": \"Changed\"}")
                .requiring(Scopes.WRITE_CATALOG).exposing(listingId, vendorPath)
                .callersFrom(organizations.callers()).verify();
        AuthorizationMatrix.request("PATCH", path + "/dimensions/api_calls").body("{\"title\": \"Calls\"}")
                .requiring(Scopes.WRITE_CATALOG).exposing(listingId, vendorPath)
                .callersFrom(organizations.callers()).verify();
        // The dimension exists already: a caller allowed to add one gets past access to the 409 of a repeated key.
        AuthorizationMatrix.request("POST", path + "/dimensions")
                .body("{\"key\": \"api_calls\", \"title\": \"Calls\", \"unit\": \"call\", \"pricePerUnit\": 1}")
                .requiring(Scopes.WRITE_CATALOG).exposing(listingId, vendorPath).allowedWith(409)
                .callersFrom(organizations.callers()).verify();
        AuthorizationMatrix.request("POST", path + "/dimensions/storage_gb/retire")
                .requiring(Scopes.WRITE_CATALOG).exposing(listingId, vendorPath)
                .callersFrom(organizations.callers()).verify();
    }

    @Test
    void letsVendorsAndThePlatformCreateListingsForTheVendor() {
        String body = ListingResourceTest.listingBody("Matrix").replace("\"vendor\": \"aws\"",
                "\"vendor\": \"aws\", \"vendorId\": \"" + organizations.vendor.id() + "\"");
        // The other vendor may not name this vendor as owner: 400, like any caller outside the vendor.
        AuthorizationMatrix.request("POST", "/api/v1/listings").body(body)
                .requiring(Scopes.WRITE_CATALOG).exposing(null, organizations.vendor.path())
                .allowedWith(201).hiddenWith(400)
                .callersFrom(organizations.callers()).verify();
    }
}
