package dev.mercato.catalog.plan;

import static dev.mercato.catalog.plan.PlanFixtures.create;
import static dev.mercato.catalog.plan.PlanFixtures.planBody;
import static dev.mercato.catalog.plan.PlanFixtures.publish;
import static dev.mercato.testkit.TestKafka.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.testkit.TestMarketplace;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** A plan from its first draft through publishing and new versions, and what each step publishes. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestMarketplace organizations;
    private String vendorAdmin;
    private String tenantReader;

    @BeforeAll
    void organizations() {
        organizations = TestMarketplace.published();
        vendorAdmin = TestTokens.forRole(Role.VENDOR_ADMIN, organizations.vendor);
        tenantReader = TestTokens.forRole(Role.TENANT_READER, organizations.tenant);
    }

    @Test
    void createsADraftPlanAndPublishesItsSnapshot() throws Exception {
        String id = given().auth().oauth2(vendorAdmin).contentType("application/json").body(planBody("Team"))
                .post("/api/v1/plans").then().statusCode(201)
                .body("data.ownerId", equalTo(organizations.vendor.id()))
                .body("data.draftVersion", equalTo(1))
                .body("data.publishedVersion", nullValue())
                .body("data.versions[0].status", equalTo("DRAFT"))
                .body("data.versions[0].currency", equalTo("usd"))
                .body("data.versions[0].pricingPeriod", equalTo("MONTHLY"))
                .body("data.versions[0].freeTrialTerms.freeTrialGracePeriod", equalTo(10))
                .body("data.versions[0].priceDefinitions[0].increment", equalTo(5))
                .body("data.versions[0].priceDefinitions[1].pricingStrategy", equalTo("FLAT"))
                .extract().path("data.id");

        ConsumerRecord<String, String> event = TestKafka.awaitRecord("catalog.plans", record -> id.equals(record.key()),
                Duration.ofSeconds(30));
        assertThat(header(event, "ce_type")).isEqualTo("mercato.catalog.plan.changed.v1");
        JsonNode plan = JSON.readTree(event.value());
        assertThat(plan.path("versions").get(0).path("status").asText()).isEqualTo("DRAFT");
        assertThat(plan.path("versions").get(0).path("priceDefinitions").get(0).path("priceRanges").get(0)
                .path("salePrice").decimalValue()).isEqualByComparingTo("4");
    }

    @Test
    void refusesAPlanEditAfterPublish() {
        String id = create(vendorAdmin, planBody("Frozen"));
        publish(vendorAdmin, id);

        given().auth().oauth2(vendorAdmin).contentType("application/json").body("{\"name\": \"Renamed\"}")
                .patch("/api/v1/plans/" + id).then().statusCode(409)
                .body("message", equalTo("version 1 of plan " + id + " is published; start a new version"));
        given().auth().oauth2(vendorAdmin).contentType("application/json")
                .body("{\"priceDefinitions\": " + PlanFixtures.GRADUATED + "}")
                .patch("/api/v1/plans/" + id).then().statusCode(409);
        given().auth().oauth2(vendorAdmin).post("/api/v1/plans/" + id + "/publish").then().statusCode(409);

        assertThat(TestSql.number("select count(*) from plan where id = ? and name = 'Frozen'", id)).isEqualTo(1);
        assertThat(TestSql.number("select count(*) from plan_price where plan_id = ? and pricing_strategy = 'TIERED'", id))
                .isZero();
    }

    @Test
    void startsANewVersionFromThePublishedOneAndKeepsTheOldVersionAsItWas() throws Exception {
        String id = create(vendorAdmin, planBody("Versioned"));
        publish(vendorAdmin, id);

        given().auth().oauth2(vendorAdmin).post("/api/v1/plans/" + id + "/versions").then().statusCode(201)
                .body("data.draftVersion", equalTo(2))
                .body("data.versions[1].status", equalTo("DRAFT"))
                .body("data.versions[1].priceDefinitions", hasSize(2))
                .body("data.versions[1].priceDefinitions[0].priceRanges[0].salePrice", equalTo(4.0f));
        given().auth().oauth2(vendorAdmin).contentType("application/json")
                .body("{\"name\": \"Versioned 2\", \"currency\": \"eur\", \"priceDefinitions\": " + PlanFixtures.GRADUATED + "}")
                .patch("/api/v1/plans/" + id).then().statusCode(200)
                .body("data.versions[1].currency", equalTo("eur"))
                .body("data.versions[1].priceDefinitions[0].pricingStrategy", equalTo("TIERED"));

        // A reader sees only version 1 while version 2 is a draft.
        given().auth().oauth2(tenantReader).get("/api/v1/plans/" + id).then().statusCode(200)
                .body("data.draftVersion", nullValue())
                .body("data.versions.version", contains(1));
        given().auth().oauth2(tenantReader).get("/api/v1/plans/" + id + "/versions/2").then().statusCode(404);

        publish(vendorAdmin, id);

        given().auth().oauth2(tenantReader).get("/api/v1/plans/" + id + "/versions/1").then().statusCode(200)
                .body("data.status", equalTo("PUBLISHED"))
                .body("data.currency", equalTo("usd"))
                .body("data.priceDefinitions.pricingStrategy", contains("UNIT", "FLAT"))
                .body("data.priceDefinitions[0].priceRanges[0].salePrice", equalTo(4.0f));
        given().auth().oauth2(tenantReader).get("/api/v1/plans/" + id).then().statusCode(200)
                .body("data.publishedVersion", equalTo(2))
                .body("data.versions.version", contains(1, 2));
        given().auth().oauth2(tenantReader).queryParam("planId", id).get("/api/v1/pricing").then().statusCode(200)
                .body("data.planVersion", everyItem(equalTo(2)))
                .body("data", hasSize(1))
                .body("data[0].currency", equalTo("eur"))
                .body("data[0].startingPrice", equalTo(0.01f))
                .body("data[0].priceRanges[1].max", nullValue());

        ConsumerRecord<String, String> event = TestKafka.awaitRecord("catalog.plans", record -> id.equals(record.key())
                && record.value().contains("\"publishedVersion\":2"), Duration.ofSeconds(30));
        JsonNode versions = JSON.readTree(event.value()).path("versions");
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(versions.get(0).path("priceDefinitions").get(0).path("pricingStrategy").asText()).isEqualTo("UNIT");
        assertThat(versions.get(1).path("priceDefinitions").get(0).path("priceRanges").get(1).path("wholeSalePrice")
                .decimalValue()).isEqualByComparingTo(new BigDecimal("0.004"));
    }

    @Test
    void letsThePlatformCreateAPlanForAVendorItNames() {
        String platformAdmin = TestTokens.forRole(Role.PLATFORM_ADMIN, organizations.platform);
        given().auth().oauth2(platformAdmin).contentType("application/json")
                .body(planBody("For vendor", "EUR", PlanFixtures.SEAT_AND_SETUP,
                        "\"vendorId\": \"" + organizations.vendor.id() + "\""))
                .post("/api/v1/plans").then().statusCode(201).body("data.ownerId", equalTo(organizations.vendor.id()));
        given().auth().oauth2(platformAdmin).contentType("application/json").body(planBody("No vendor"))
                .post("/api/v1/plans").then().statusCode(400).body("errors[0].field", equalTo("vendorId"));
        given().auth().oauth2(platformAdmin).contentType("application/json")
                .body(planBody("Tenant owner", "EUR", PlanFixtures.SEAT_AND_SETUP,
                        "\"vendorId\": \"" + organizations.tenant.id() + "\""))
                .post("/api/v1/plans").then().statusCode(400).body("errors[0].field", equalTo("vendorId"));
    }

    @Test
    void listsOnlyPublishedVersionsAsEffectivePrices() {
        String draft = create(vendorAdmin, planBody("Never published"));
        given().auth().oauth2(vendorAdmin).queryParam("planId", draft).get("/api/v1/pricing").then().statusCode(200)
                .body("data", empty());

        String eur = create(vendorAdmin, planBody("Filtered " + UUID.randomUUID(), "EUR", PlanFixtures.GRADUATED, ""));
        publish(vendorAdmin, eur);
        given().auth().oauth2(tenantReader).queryParam("currency", "eur").queryParam("pricingStrategy", "TIERED")
                .queryParam("ownerId", organizations.vendor.id()).queryParam("limit", 100)
                .get("/api/v1/pricing").then().statusCode(200)
                .body("data.planId", org.hamcrest.Matchers.hasItem(eur))
                .body("data.currency", everyItem(equalTo("eur")))
                .body("data.pricingStrategy", everyItem(equalTo("TIERED")));
        given().auth().oauth2(tenantReader).queryParam("pricingStrategy", "TIERED").queryParam("costTypeCategory", "USAGE")
                .queryParam("planId", eur).get("/api/v1/pricing").then().statusCode(200).body("data", empty());
        given().auth().oauth2(tenantReader).queryParam("colour", "red").get("/api/v1/pricing").then().statusCode(400);
    }

    @Test
    void pricesAUsageDimensionOfTheVendorsListingAndRefusesARetiredOne() {
        String listingId = PlanFixtures.listing(vendorAdmin, organizations.vendor);
        String id = given().auth().oauth2(vendorAdmin).contentType("application/json")
                .body(planBody("Metered", "EUR", PlanFixtures.usage(listingId, "storage_gb"),
                        "\"listingId\": \"" + listingId + "\""))
                .post("/api/v1/plans").then().statusCode(201)
                .body("data.versions[0].priceDefinitions[0].dimensionKey", equalTo("storage_gb"))
                .extract().path("data.id");
        given().auth().oauth2(vendorAdmin).post("/api/v1/listings/" + listingId + "/dimensions/storage_gb/retire")
                .then().statusCode(200);

        given().auth().oauth2(vendorAdmin).post("/api/v1/plans/" + id + "/publish").then().statusCode(400)
                .body("errors[0].field", equalTo("priceDefinitions[0].dimensionKey"));
        given().auth().oauth2(vendorAdmin).contentType("application/json")
                .body("{\"priceDefinitions\": " + PlanFixtures.usage(listingId, "api_calls") + "}")
                .patch("/api/v1/plans/" + id).then().statusCode(200);
        publish(vendorAdmin, id);
        given().auth().oauth2(tenantReader).queryParam("listingId", listingId).get("/api/v1/pricing").then()
                .statusCode(200).body("data.dimensionKey", contains("api_calls"));
    }

    @Test
    void answersTheSameVersionToARepeatedIdempotentStart() {
        String id = create(vendorAdmin, planBody("Idempotent"));
        publish(vendorAdmin, id);
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(vendorAdmin).header("Idempotency-Key", key).post("/api/v1/plans/" + id + "/versions")
                    .then().statusCode(201).body("data.draftVersion", equalTo(2));
        }
        assertThat(TestSql.number("select count(*) from plan_version where plan_id = ?", id)).isEqualTo(2);
    }

    @Test
    void answersARepeatedIdempotentPublishWithItsFirstAnswer() {
        String id = create(vendorAdmin, planBody("Published once"));
        String key = UUID.randomUUID().toString();
        given().auth().oauth2(vendorAdmin).header("Idempotency-Key", key).post("/api/v1/plans/" + id + "/publish")
                .then().statusCode(200).body("data.publishedVersion", equalTo(1));
        given().auth().oauth2(vendorAdmin).header("Idempotency-Key", key).post("/api/v1/plans/" + id + "/publish")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("data.publishedVersion", equalTo(1));
        given().auth().oauth2(vendorAdmin).post("/api/v1/plans/" + id + "/publish").then().statusCode(409);
    }

    @Test
    void refusesToPublishADraftWithoutPrices() {
        String id = create(vendorAdmin, planBody("Empty", "USD", "[]", ""));
        given().auth().oauth2(vendorAdmin).post("/api/v1/plans/" + id + "/publish").then().statusCode(409)
                .body("message", notNullValue());
    }

}
