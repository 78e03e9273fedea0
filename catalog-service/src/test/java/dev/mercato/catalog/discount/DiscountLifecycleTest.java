package dev.mercato.catalog.discount;

import static dev.mercato.catalog.discount.DiscountFixtures.PLATFORM;
import static dev.mercato.catalog.discount.DiscountFixtures.as;
import static dev.mercato.catalog.discount.DiscountFixtures.create;
import static dev.mercato.catalog.discount.DiscountFixtures.created;
import static dev.mercato.catalog.discount.DiscountFixtures.percentageBody;
import static dev.mercato.catalog.discount.DiscountFixtures.today;
import static dev.mercato.catalog.discount.DiscountFixtures.with;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.DiscountChangedV1;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Creating and changing discounts: what is stored, answered and published. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiscountLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestOrganization vendor = PLATFORM.child("VENDOR");
    private final TestOrganization otherVendor = PLATFORM.child("VENDOR");
    private final TestOrganization distributor = PLATFORM.child("DISTRIBUTOR");
    private String vendorAdmin;

    @BeforeAll
    void publishTheVendors() {
        DiscountFixtures.publish(vendor, otherVendor, distributor);
        vendorAdmin = DiscountFixtures.token(Role.VENDOR_ADMIN, vendor);
    }

    @Test
    void createsADiscountWithEveryFieldAndPublishesItsSnapshot() {
        String plan = DiscountFixtures.plan(vendorAdmin);
        String sku = DiscountFixtures.article(vendorAdmin);
        String listing = DiscountFixtures.listing(vendorAdmin);
        Map<String, Object> body = with(percentageBody(), "percentage", new BigDecimal("12.50"),
                "description", "  Twelve and a half off  ", "startDate", today().toString(),
                "expirationDate", today().plusDays(30).toString(), "minUnits", 5, "maxUnits", 50,
                "maxRedemptions", 100, "billingCycles", 3, "retainable", true,
                "partnerSharePercentage", new BigDecimal("30.25"), "basePartnerSharePercentage", 20,
                "redemptionRestriction", "ONCE_PER_CUSTOMER", "planIds", List.of(plan, plan),
                "articleSkus", List.of(sku), "listingIds", List.of(listing));

        Response response = create(vendorAdmin, body);

        response.then().statusCode(201)
                .body("code", equalTo(201))
                .body("data.ownerId", equalTo(vendor.id()))
                .body("data.type", equalTo("PERCENTAGE"))
                .body("data.percentage", equalTo(12.5f))
                .body("data.price", nullValue())
                .body("data.code", equalTo(body.get("code")))
                .body("data.description", equalTo("Twelve and a half off"))
                .body("data.expirationDate", equalTo(today().plusDays(30).toString()))
                .body("data.redemptions", equalTo(0))
                .body("data.autoApply", equalTo(false))
                .body("data.retainable", equalTo(true))
                .body("data.planIds", equalTo(List.of(plan)))
                .body("data.version", equalTo(0));
        String id = response.path("data.id");
        assertThat(id).startsWith("dsc_");

        ConsumerRecord<String, String> record = TestKafka.awaitRecord("catalog.discounts",
                r -> id.equals(r.key()), Duration.ofSeconds(30));
        assertThat(new String(record.headers().lastHeader("ce_type").value())).isEqualTo(DiscountChangedV1.CHANGED);
        JsonNode event = read(record.value());
        assertThat(event.path("ownerId").asText()).isEqualTo(vendor.id());
        assertThat(event.path("partnerSharePercentage").decimalValue()).isEqualByComparingTo("30.25");
        assertThat(event.path("basePartnerSharePercentage").decimalValue()).isEqualByComparingTo("20");
        assertThat(event.path("billingCycles").asInt()).isEqualTo(3);
        assertThat(event.path("minUnits").asLong()).isEqualTo(5);
        assertThat(event.path("maxUnits").asLong()).isEqualTo(50);
        assertThat(event.path("redemptionRestriction").asText()).isEqualTo("ONCE_PER_CUSTOMER");
    }

    @Test
    void storesAFixedPriceInItsLowerCaseCurrency() {
        as(vendorAdmin).body(with(percentageBody(), "type", "FIXED_PRICE", "percentage", null, "price", "19.99",
                "currency", "EUR")).post("/api/v1/discounts")
                .then().statusCode(201)
                .body("data.price", equalTo(19.99f))
                .body("data.currency", equalTo("eur"))
                .body("data.percentage", nullValue());
    }

    @Test
    void createsOnceForOneIdempotencyKey() {
        Map<String, Object> body = percentageBody();
        String key = "discount-" + body.get("code");

        String first = as(vendorAdmin).header("Idempotency-Key", key).body(body).post("/api/v1/discounts")
                .then().statusCode(201).extract().path("data.id");
        as(vendorAdmin).header("Idempotency-Key", key).body(body).post("/api/v1/discounts")
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("data.id", equalTo(first));

        assertThat(TestSql.number("select count(*) from discount where code = ?", body.get("code"))).isEqualTo(1);
    }

    @Test
    void refusesASecondDiscountWithTheSameCodeOfTheSameOwnerInAnyLetterCase() {
        String code = DiscountFixtures.uniqueCode();
        created(vendorAdmin, with(percentageBody(), "code", code));

        create(vendorAdmin, with(percentageBody(), "code", code.toLowerCase()))
                .then().statusCode(409).body("message", containsString("already exists"));
        created(DiscountFixtures.token(Role.VENDOR_ADMIN, otherVendor), with(percentageBody(), "code", code));

        assertThat(TestSql.number("select count(*) from discount where lower(code) = lower(?)", code)).isEqualTo(2);
    }

    @Test
    void letsThePlatformCreateADiscountForAVendorOnly() {
        String platformAdmin = DiscountFixtures.token(Role.PLATFORM_ADMIN, PLATFORM);

        create(platformAdmin, with(percentageBody(), "vendorId", vendor.id()))
                .then().statusCode(201).body("data.ownerId", equalTo(vendor.id()));
        create(platformAdmin, with(percentageBody(), "vendorId", distributor.id()))
                .then().statusCode(400).body("errors[0].field", equalTo("vendorId"));
        create(platformAdmin, with(percentageBody(), "vendorId", "org_unknown"))
                .then().statusCode(400).body("errors[0].field", equalTo("vendorId"));
        create(platformAdmin, percentageBody())
                .then().statusCode(201).body("data.ownerId", equalTo(PLATFORM.id()));
    }

    @Test
    void changesTheGivenFieldsAndPublishesTheNewVersion() {
        String id = created(vendorAdmin, with(percentageBody(), "maxRedemptions", 10));
        String listing = DiscountFixtures.listing(vendorAdmin);

        as(vendorAdmin).body(Map.of("version", 0, "type", "FIXED_PRICE", "price", 5, "currency", "usd",
                "maxRedemptions", 20, "listingIds", List.of(listing))).patch("/api/v1/discounts/" + id)
                .then().statusCode(200)
                .body("data.type", equalTo("FIXED_PRICE"))
                .body("data.percentage", nullValue())
                .body("data.price", equalTo(5))
                .body("data.currency", equalTo("usd"))
                .body("data.maxRedemptions", equalTo(20))
                .body("data.listingIds", equalTo(List.of(listing)))
                .body("data.description", equalTo("Ten percent off"))
                .body("data.version", equalTo(1));

        ConsumerRecord<String, String> record = TestKafka.awaitRecord("catalog.discounts",
                r -> id.equals(r.key()) && read(r.value()).path("version").asLong() == 1, Duration.ofSeconds(30));
        assertThat(read(record.value()).path("price").decimalValue()).isEqualByComparingTo("5");
    }

    @Test
    void refusesAChangeBasedOnAnOldVersion() {
        String id = created(vendorAdmin, percentageBody());
        as(vendorAdmin).body(Map.of("description", "First change")).patch("/api/v1/discounts/" + id)
                .then().statusCode(200).body("data.version", equalTo(1));

        as(vendorAdmin).body(Map.of("version", 0, "description", "Stale change")).patch("/api/v1/discounts/" + id)
                .then().statusCode(409).body("message", containsString("version 1"));

        assertThat(TestSql.rows("select description from discount where id = ?", id).get(0).get("description"))
                .isEqualTo("First change");
    }

    @Test
    void refusesToLowerTheLimitBelowTheRedemptionsMade() {
        String id = created(vendorAdmin, with(percentageBody(), "maxRedemptions", 5));
        TestSql.execute("update discount set redemptions = 3 where id = ?", id);

        as(vendorAdmin).body(Map.of("maxRedemptions", 2)).patch("/api/v1/discounts/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("maxRedemptions"));
    }

    @Test
    void answersAnotherVendorsDiscountWithNotFound() {
        String id = created(vendorAdmin, percentageBody());
        String other = DiscountFixtures.token(Role.VENDOR_ADMIN, otherVendor);

        as(other).get("/api/v1/discounts/" + id).then().statusCode(404);
        as(other).body(Map.of("description", "Not mine")).patch("/api/v1/discounts/" + id).then().statusCode(404);
    }

    @Test
    void filtersAndSortsTheList() {
        String code = DiscountFixtures.uniqueCode();
        String id = created(vendorAdmin, with(percentageBody(), "code", code));

        as(vendorAdmin).get("/api/v1/discounts?code=" + code + "&sort=-createdAt")
                .then().statusCode(200)
                .body("data.size()", equalTo(1))
                .body("data[0].id", equalTo(id))
                .body("pagination.total", equalTo(1));
        as(vendorAdmin).get("/api/v1/discounts?percentage=10").then().statusCode(400);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
