package dev.mercato.catalog.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.AuthorizationMatrix;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Who may do what with articles: every holder of read:catalog reads every article; the platform
 * changes any article, a vendor its own; another vendor's article is 404 to a write.
 * <p>
 * The matrix's rule shows a resource to the organizations at or above its owner. Every reader may read
 * every article, so for reads the owner handed to the matrix is the tenant at the bottom of the one
 * branch (all callers there see it) and the vendors, on another branch, are told to expect 200.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleAccessTest {

    private final TestOrganization platform = OrganizationEvents.PLATFORM;
    private final TestOrganization distributor = platform.child("DISTRIBUTOR");
    private final TestOrganization partner = distributor.child("PARTNER");
    private final TestOrganization tenant = partner.child("TENANT");
    private final TestOrganization vendor = platform.child("VENDOR");
    private final TestOrganization otherVendor = platform.child("VENDOR");

    private String vendorSku;

    /** Once, before the first test: HTTP calls need the application started, which @BeforeAll precedes. */
    @BeforeEach
    void createAVendorsArticle() {
        if (vendorSku != null) {
            return;
        }
        vendorSku = Articles.newSku("ACC");
        Articles.createSimple(TestTokens.forRole(Role.VENDOR_ADMIN, vendor), vendorSku);
    }

    @Test
    void everyReaderGetsEveryArticle() {
        readMatrix(AuthorizationMatrix.get("/api/v1/articles/" + vendorSku), 404).verify();
    }

    @Test
    void everyReaderListsEveryArticle() {
        readMatrix(AuthorizationMatrix.get("/api/v1/articles?sku=" + vendorSku), 200).verify();
    }

    @Test
    void everyReaderExportsEveryArticle() {
        readMatrix(AuthorizationMatrix.get("/api/v1/articles/-dump"), 200).verify();
    }

    @Test
    void aVendorAndATenantReadAnotherVendorsArticle() {
        given().auth().oauth2(TestTokens.forRole(Role.VENDOR_READER, otherVendor)).get("/api/v1/articles/" + vendorSku)
                .then().statusCode(200).body("data.sku", equalTo(vendorSku)).body("data.ownerId", equalTo(vendor.id()));
        given().auth().oauth2(TestTokens.forRole(Role.TENANT_READER, tenant)).get("/api/v1/articles/-dump")
                .then().statusCode(200).body("sku", hasItem(vendorSku));
    }

    @Test
    void onlyThePlatformAdminCreatesArticlesOfThePlatform() {
        String sku = Articles.newSku("PLT");
        AuthorizationMatrix.request("POST", "/api/v1/articles")
                .body("{\"sku\": \"" + sku + "\", \"purPrice\": {\"eur\": 10}}")
                .requiring(Scopes.WRITE_CATALOG)
                .exposing(sku, tenant.path())
                .allowedWith(201)
                .callersFrom(platform, distributor, partner, tenant)
                .verify();
    }

    @Test
    void aVendorAdminCreatesItsOwnArticles() {
        String sku = Articles.newSku("VND");
        AuthorizationMatrix.request("POST", "/api/v1/articles")
                .body("{\"sku\": \"" + sku + "\", \"purPrice\": {\"eur\": 10}}")
                .requiring(Scopes.WRITE_CATALOG)
                .exposing(sku, vendor.path())
                .allowedWith(201)
                .callersFrom(vendor, distributor, tenant)
                .verify();
    }

    @Test
    void thePlatformAndTheOwningVendorChangeAnArticleAndAnotherVendorFindsNothing() {
        AuthorizationMatrix.request("PATCH", "/api/v1/articles/" + vendorSku)
                .body("{\"shortDescription\": \"Changed\", \"srpPrice\": {\"eur\": 130}}")
                .requiring(Scopes.WRITE_CATALOG)
                .exposing(vendorSku, vendor.path())
                .callersFrom(platform, vendor, otherVendor, distributor, partner, tenant)
                .verify();
    }

    private AuthorizationMatrix readMatrix(AuthorizationMatrix matrix, int hidden) {
        return matrix.requiring(Scopes.READ_CATALOG)
                .exposing(vendorSku, tenant.path())
                .hiddenWith(hidden)
                .callersFrom(platform, distributor, partner, tenant, vendor, otherVendor)
                .expect(Role.VENDOR_ADMIN, vendor, 200)
                .expect(Role.VENDOR_READER, vendor, 200)
                .expect(Role.VENDOR_ADMIN, otherVendor, 200)
                .expect(Role.VENDOR_READER, otherVendor, 200);
    }
}
