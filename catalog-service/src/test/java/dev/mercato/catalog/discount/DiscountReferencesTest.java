package dev.mercato.catalog.discount;

import static dev.mercato.catalog.discount.DiscountFixtures.PLATFORM;
import static dev.mercato.catalog.discount.DiscountFixtures.as;
import static dev.mercato.catalog.discount.DiscountFixtures.create;
import static dev.mercato.catalog.discount.DiscountFixtures.created;
import static dev.mercato.catalog.discount.DiscountFixtures.percentageBody;
import static dev.mercato.catalog.discount.DiscountFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.platform.events.Topics;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The plans, article SKUs and listings a discount names must exist and be its owner's (for a platform
 * discount, anyone's); otherwise the write is a 400 naming the entry and nothing is stored.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscountReferencesTest {

    private final TestOrganization vendor = PLATFORM.child("VENDOR");
    private final TestOrganization otherVendor = PLATFORM.child("VENDOR");
    private String vendorAdmin;
    private String otherVendorAdmin;
    private String platformAdmin;

    @BeforeAll
    void publishTheVendors() {
        DiscountFixtures.publish(vendor, otherVendor);
        vendorAdmin = DiscountFixtures.token(Role.VENDOR_ADMIN, vendor);
        otherVendorAdmin = DiscountFixtures.token(Role.VENDOR_ADMIN, otherVendor);
        platformAdmin = DiscountFixtures.token(Role.PLATFORM_ADMIN, PLATFORM);
    }

    @Test
    void acceptsThePlansArticlesAndListingsOfItsOwner() {
        String plan = DiscountFixtures.plan(vendorAdmin);
        String sku = DiscountFixtures.article(vendorAdmin);
        String listing = DiscountFixtures.listing(vendorAdmin);

        create(vendorAdmin, with(percentageBody(), "planIds", List.of(plan), "articleSkus", List.of(sku),
                "listingIds", List.of(listing)))
                .then().statusCode(201)
                .body("data.planIds", equalTo(List.of(plan)))
                .body("data.articleSkus", equalTo(List.of(sku)))
                .body("data.listingIds", equalTo(List.of(listing)));
    }

    @Test
    void refusesAPlanThatDoesNotExistNamingItsEntryAndStoresNothing() {
        String plan = DiscountFixtures.plan(vendorAdmin);
        Map<String, Object> body = with(percentageBody(), "planIds", List.of(plan, "pln_01NOSUCHPLAN"));

        create(vendorAdmin, body).then().statusCode(400)
                .body("errors[0].field", equalTo("planIds[1]"))
                .body("errors[0].message", containsString("pln_01NOSUCHPLAN"));

        assertThat(TestSql.number("select count(*) from discount where code = ?", body.get("code"))).isZero();
    }

    @Test
    void refusesAnotherVendorsPlanArticleOrListingLikeOneThatDoesNotExist() {
        String plan = DiscountFixtures.plan(otherVendorAdmin);
        String sku = DiscountFixtures.article(otherVendorAdmin);
        String listing = DiscountFixtures.listing(otherVendorAdmin);
        long discounts = TestSql.number("select count(*) from discount where owner_id = ?", vendor.id());

        create(vendorAdmin, with(percentageBody(), "planIds", List.of(plan)))
                .then().statusCode(400).body("errors[0].field", equalTo("planIds[0]"));
        create(vendorAdmin, with(percentageBody(), "articleSkus", List.of(DiscountFixtures.article(vendorAdmin), sku)))
                .then().statusCode(400).body("errors[0].field", equalTo("articleSkus[1]"));
        create(vendorAdmin, with(percentageBody(), "listingIds", List.of(listing)))
                .then().statusCode(400).body("errors[0].field", equalTo("listingIds[0]"));
        create(vendorAdmin, with(percentageBody(), "articleSkus", List.of("NO-SUCH-SKU-" + DiscountFixtures.uniqueCode())))
                .then().statusCode(400).body("errors[0].field", equalTo("articleSkus[0]"));
        create(platformAdmin, with(percentageBody(), "vendorId", vendor.id(), "listingIds", List.of(listing)))
                .then().statusCode(400).body("errors[0].field", equalTo("listingIds[0]"));

        assertThat(TestSql.number("select count(*) from discount where owner_id = ?", vendor.id())).isEqualTo(discounts);
    }

    @Test
    void letsAPlatformDiscountNameAnyVendorsItems() {
        String plan = DiscountFixtures.plan(vendorAdmin);
        String listing = DiscountFixtures.listing(otherVendorAdmin);

        create(platformAdmin, with(percentageBody(), "planIds", List.of(plan), "listingIds", List.of(listing)))
                .then().statusCode(201).body("data.ownerId", equalTo(PLATFORM.id()));
    }

    @Test
    void refusesAChangeNamingAForeignListingAndKeepsTheDiscountAsItWas() {
        String listing = DiscountFixtures.listing(vendorAdmin);
        String id = created(vendorAdmin, with(percentageBody(), "listingIds", List.of(listing)));

        as(vendorAdmin).body(Map.of("description", "Changed", "listingIds",
                List.of(listing, DiscountFixtures.listing(otherVendorAdmin)))).patch("/api/v1/discounts/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("listingIds[1]"));

        as(vendorAdmin).get("/api/v1/discounts/" + id).then().statusCode(200)
                .body("data.description", equalTo("Ten percent off"))
                .body("data.listingIds", equalTo(List.of(listing)))
                .body("data.version", equalTo(0));
        // Only the creation was published.
        TestKafka.awaitRecord(Topics.CATALOG_DISCOUNTS, r -> id.equals(r.key()), Duration.ofSeconds(30));
        assertThat(TestKafka.events(Topics.CATALOG_DISCOUNTS, r -> id.equals(r.key()), Duration.ofSeconds(1))).hasSize(1);

        as(vendorAdmin).body(Map.of("planIds", List.of(DiscountFixtures.plan(vendorAdmin)))).patch("/api/v1/discounts/" + id)
                .then().statusCode(200).body("data.version", equalTo(1));
    }
}
