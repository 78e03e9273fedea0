package dev.mercato.catalog.listing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.testkit.TestMarketplace;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Listings as a vendor and the platform operator manage them, and what every change publishes. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingResourceTest {

    private TestMarketplace organizations;
    private String vendorAdmin;

    @BeforeAll
    void organizations() {
        organizations = TestMarketplace.published();
        vendorAdmin = TestTokens.forRole(Role.VENDOR_ADMIN, organizations.vendor);
    }

    static String listingBody(String name) {
        return """
                {"vendor": "aws", "name": "%s", "description": "Log analytics", "productCode": "prod-7x2",
                 "currency": "EUR",
                 "dimensions": [
                   {"key": "api_calls", "title": "API calls", "unit": "call", "pricePerUnit": 0.001},
                   {"key": "storage_gb", "title": "Storage", "unit": "GB-month", "pricePerUnit": 0.25, "decimals": 3}
                 ]}""".formatted(name);
    }

    private ValidatableResponse create(String token, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/v1/listings").then();
    }

    @Test
    void createsAListingWithItsDimensionsAndPublishesIt() {
        String id = create(vendorAdmin, listingBody("Logs " + UUID.randomUUID()))
                .statusCode(201)
                .body("data.vendor", equalTo("aws"))
                .body("data.vendorId", equalTo(organizations.vendor.id()))
                .body("data.currency", equalTo("eur"))
                .body("data.status", equalTo("ACTIVE"))
                .body("data.dimensions.key", hasItem("storage_gb"))
                .body("data.dimensions[1].decimals", equalTo(3))
                .body("data.dimensions[0].decimals", equalTo(0))
                .extract().path("data.id");

        ConsumerRecord<String, String> event = TestKafka.awaitRecord("catalog.listings", record -> id.equals(record.key()),
                java.time.Duration.ofSeconds(30));
        assertThat(event.value()).contains("\"vendorId\":\"" + organizations.vendor.id() + "\"", "\"api_calls\"",
                "\"pricePerUnit\":0.001");
        given().auth().oauth2(TestTokens.forRole(Role.TENANT_READER, organizations.tenant)).get("/api/v1/listings/" + id)
                .then().statusCode(200).body("data.name", notNullValue());
    }

    @Test
    void letsThePlatformCreateAListingForAVendorItNames() {
        String platformAdmin = TestTokens.forRole(Role.PLATFORM_ADMIN, organizations.platform);
        String body = listingBody("Platform made").replace("\"vendor\": \"aws\"",
                "\"vendor\": \"direct\", \"vendorId\": \"" + organizations.vendor.id() + "\"");
        create(platformAdmin, body).statusCode(201).body("data.vendorId", equalTo(organizations.vendor.id()));

        create(platformAdmin, listingBody("No owner")).statusCode(400).body("errors[0].field", equalTo("vendorId"));
        create(platformAdmin, listingBody("Tenant owner").replace("\"vendor\": \"aws\"",
                "\"vendor\": \"aws\", \"vendorId\": \"" + organizations.tenant.id() + "\""))
                .statusCode(400).body("errors[0].field", equalTo("vendorId"));
        create(vendorAdmin, listingBody("Someone else's").replace("\"vendor\": \"aws\"",
                "\"vendor\": \"aws\", \"vendorId\": \"" + organizations.otherVendor.id() + "\""))
                .statusCode(400).body("errors[0].field", equalTo("vendorId"));
        assertThat(TestSql.number("select count(*) from listing where name in ('No owner', 'Tenant owner', 'Someone else''s')"))
                .isZero();
    }

    @Test
    void refusesBadListingsNamingTheFieldAndStoresNothing() {
        String name = "Bad " + UUID.randomUUID();
        String good = listingBody(name);
        expectRefusal(good.replace("\"aws\"", "\"gcp\""), "vendor");
        expectRefusal(good.replace("\"EUR\"", "\"XXX\""), "currency");
        expectRefusal(good.replace("\"EUR\"", "\"QQQ\""), "currency");
        expectRefusal(good.replace("0.001", "-0.001"), "dimensions[0].pricePerUnit");
        expectRefusal(good.replace("0.001", "1e12"), "dimensions[0].pricePerUnit");
        expectRefusal(good.replace("\"storage_gb\"", "\"api_calls\""), "dimensions[1].key");
        expectRefusal(good.replace("\"storage_gb\"", "\"Storage GB\""), "dimensions[1].key");
        expectRefusal(good.replace("\"decimals\": 3", "\"decimals\": 7"), "dimensions[1].decimals");
        assertThat(TestSql.number("select count(*) from listing where name = ?", name)).isZero();
    }

    private void expectRefusal(String body, String field) {
        create(vendorAdmin, body).statusCode(400).body("code", equalTo(400)).body("errors.field", hasItem(field));
    }

    @Test
    void changesOnlyItsOwnListings() {
        String id = create(vendorAdmin, listingBody("Mine")).statusCode(201).extract().path("data.id");
        String otherVendorAdmin = TestTokens.forRole(Role.VENDOR_ADMIN, organizations.otherVendor);

        given().auth().oauth2(otherVendorAdmin).contentType("application/json").body("{\"name\": \"Taken\"}")
                .patch("/api/v1/listings/" + id).then().statusCode(404);
        given().auth().oauth2(vendorAdmin).contentType("application/json").body("{\"name\": \"Renamed\", \"status\": \"RETIRED\"}")
                .patch("/api/v1/listings/" + id).then().statusCode(200)
                .body("data.name", equalTo("Renamed")).body("data.status", equalTo("RETIRED"));
        assertThat(TestSql.number("select count(*) from listing where id = ? and name = 'Renamed'", id)).isOne();
    }

    @Test
    void retiresADimensionButNeverRemovesIt() {
        String id = create(vendorAdmin, listingBody("Dimensions")).statusCode(201).extract().path("data.id");
        String dimensions = "/api/v1/listings/" + id + "/dimensions";

        given().auth().oauth2(vendorAdmin).contentType("application/json")
                .body("{\"key\": \"seats\", \"title\": \"Seats\", \"unit\": \"seat\", \"pricePerUnit\": 12}")
                .post(dimensions).then().statusCode(201).body("data.dimensions.key", hasItem("seats"));
        given().auth().oauth2(vendorAdmin).contentType("application/json")
                .body("{\"key\": \"seats\", \"title\": \"Again\", \"unit\": \"seat\", \"pricePerUnit\": 1}")
                .post(dimensions).then().statusCode(409);
        given().auth().oauth2(vendorAdmin).contentType("application/json").body("{\"pricePerUnit\": 0.002}")
                .patch(dimensions + "/api_calls").then().statusCode(200)
                .body("data.dimensions.find { it.key == 'api_calls' }.pricePerUnit", equalTo(0.002f));
        given().auth().oauth2(vendorAdmin).contentType("application/json")
                .post(dimensions + "/api_calls/retire").then().statusCode(200)
                .body("data.dimensions.find { it.key == 'api_calls' }.retiredAt", notNullValue())
                .body("data.dimensions.find { it.key == 'seats' }.retiredAt", nullValue());
        given().auth().oauth2(vendorAdmin).contentType("application/json")
                .post(dimensions + "/nope/retire").then().statusCode(404);
        given().auth().oauth2(vendorAdmin).delete(dimensions + "/api_calls").then().statusCode(405);

        assertThat(TestSql.number("select jsonb_array_length(dimensions->'items') from listing where id = ?", id)).isEqualTo(3);
    }

    @Test
    void dimensionsDeclareTheirMeasureWhichNeverChanges() {
        String body = listingBody("Measures " + UUID.randomUUID()).replace("\"decimals\": 3}",
                "\"decimals\": 3, \"aggregation\": \"MAX\", \"tokenRate\": 2.5}");
        String id = create(vendorAdmin, body).statusCode(201)
                .body("data.dimensions[0].aggregation", equalTo("SUM"))
                .body("data.dimensions[0].tokenRate", nullValue())
                .body("data.dimensions[1].aggregation", equalTo("MAX"))
                .body("data.dimensions[1].tokenRate", equalTo(2.5f))
                .extract().path("data.id");
        String dimensions = "/api/v1/listings/" + id + "/dimensions";
        given().auth().oauth2(vendorAdmin).contentType("application/json")
                .body("{\"key\": \"users\", \"title\": \"Users\", \"unit\": \"user\", \"pricePerUnit\": 1,"
                        + " \"aggregation\": \"UNIQUE_COUNT\", \"uniqueProperty\": \"userId\"}")
                .post(dimensions).then().statusCode(201)
                .body("data.dimensions.find { it.key == 'users' }.uniqueProperty", equalTo("userId"));

        ConsumerRecord<String, String> event = TestKafka.awaitRecord("catalog.listings",
                record -> id.equals(record.key()) && record.value().contains("\"users\""), java.time.Duration.ofSeconds(30));
        assertThat(event.value()).contains("\"aggregation\":\"UNIQUE_COUNT\"", "\"uniqueProperty\":\"userId\"",
                "\"aggregation\":\"MAX\"", "\"tokenRate\":2.5");

        given().auth().oauth2(vendorAdmin).contentType("application/json").body("{\"tokenRate\": 3}")
                .patch(dimensions + "/storage_gb").then().statusCode(200)
                .body("data.dimensions.find { it.key == 'storage_gb' }.tokenRate", equalTo(3))
                .body("data.dimensions.find { it.key == 'storage_gb' }.aggregation", equalTo("MAX"));
        for (String change : new String[] { "{\"aggregation\": \"SUM\"}", "{\"uniqueProperty\": \"x\"}",
                "{\"tokenRate\": 0}", "{\"tokenRate\": -1}" }) {
            given().auth().oauth2(vendorAdmin).contentType("application/json").body(change)
                    .patch(dimensions + "/users").then().statusCode(400).body("code", equalTo(400));
        }
        assertThat(TestSql.number("select count(*) from listing, jsonb_array_elements(dimensions->'items') item"
                + " where id = ? and (item->>'aggregation' = 'MAX' or item->>'uniqueProperty' = 'userId')", id)).isEqualTo(2);
    }

    @Test
    void refusesAMeasureThatDoesNotAddUpNamingTheField() {
        String name = "Bad measure " + UUID.randomUUID();
        String good = listingBody(name);
        expectRefusal(good.replace("\"decimals\": 3}", "\"decimals\": 3, \"aggregation\": \"AVERAGE\"}"),
                "dimensions[1].aggregation");
        expectRefusal(good.replace("\"decimals\": 3}", "\"decimals\": 3, \"aggregation\": \"UNIQUE_COUNT\"}"),
                "dimensions[1].uniqueProperty");
        expectRefusal(good.replace("\"decimals\": 3}", "\"decimals\": 3, \"uniqueProperty\": \"userId\"}"),
                "dimensions[1].uniqueProperty");
        expectRefusal(good.replace("\"decimals\": 3}",
                "\"decimals\": 3, \"aggregation\": \"UNIQUE_COUNT\", \"uniqueProperty\": \"user id\"}"),
                "dimensions[1].uniqueProperty");
        expectRefusal(good.replace("\"decimals\": 3}", "\"decimals\": 3, \"tokenRate\": 0}"), "dimensions[1].tokenRate");
        expectRefusal(good.replace("\"decimals\": 3}", "\"decimals\": 3, \"tokenRate\": \"lots\"}"),
                "dimensions[1].tokenRate");
        assertThat(TestSql.number("select count(*) from listing where name = ?", name)).isZero();
    }

    @Test
    void answersTheSameListingToARepeatedIdempotentCreate() {
        String key = UUID.randomUUID().toString();
        String name = "Idempotent " + key;
        String first = given().auth().oauth2(vendorAdmin).header("Idempotency-Key", key).contentType("application/json")
                .body(listingBody(name)).post("/api/v1/listings").then().statusCode(201).extract().path("data.id");
        String second = given().auth().oauth2(vendorAdmin).header("Idempotency-Key", key).contentType("application/json")
                .body(listingBody(name)).post("/api/v1/listings").then().statusCode(201).extract().path("data.id");
        assertThat(second).isEqualTo(first);
        assertThat(TestSql.number("select count(*) from listing where name = ?", name)).isOne();
    }
}
