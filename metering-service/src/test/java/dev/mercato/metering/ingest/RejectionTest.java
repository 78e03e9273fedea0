package dev.mercato.metering.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.metering.MeteringWorld;
import dev.mercato.metering.readmodel.CustomerEntitlements;
import dev.mercato.metering.readmodel.MeteredListings;
import dev.mercato.platform.events.MeteringReportV1;
import dev.mercato.platform.messaging.CloudEventHeaders;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestTokens;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Every reason an event is rejected, each in one sentence with its code; a batch publishes its valid events and
 * reports the invalid ones, and a single event is answered 400 (403 for another vendor's listing).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RejectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private MeteringWorld world;
    private String retiredListingId;
    private String expiredListingId;

    @BeforeAll
    void publishTheWorld() {
        world = MeteringWorld.create();
        retiredListingId = world.listingId + "-retired";
        MeteringWorld.publishListing(retiredListingId, world.vendor.id(), "RETIRED", 1);
        // An entitlement that ended ten days ago: usage of its last days is still accepted, not of today.
        expiredListingId = world.listingId + "-expired";
        MeteringWorld.publishListing(expiredListingId, world.vendor.id(), "ACTIVE", 1);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        MeteringWorld.publishEntitlement(world.tenant.id(), expiredListingId, "EXPIRED", today.minusDays(100),
                today.minusDays(10), "SUB-OLD");
        CustomerEntitlements entitlements = Arc.container().instance(CustomerEntitlements.class).get();
        MeteredListings listings = Arc.container().instance(MeteredListings.class).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> listings.get(retiredListingId) != null
                && entitlements.inForce(world.tenant.id(), expiredListingId, today.minusDays(11)) != null);
    }

    @Test
    void rejectsEachInvalidEventOfABatchWithItsReasonAndPublishesTheValidOnes() throws Exception {
        Instant now = Instant.now();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("VALID-1", eventFor(world.listingId, "api_calls", "10", now.toString(), null));
        cases.put(Rejection.UNKNOWN_CUSTOMER.name(), eventFor(world.listingId, "api_calls", "1", now.toString(), "org_nobody"));
        cases.put(Rejection.NO_ENTITLEMENT.name(), eventFor(world.listingId, "api_calls", "1", now.toString(),
                world.unentitledTenant.id()));
        cases.put(Rejection.UNKNOWN_DIMENSION.name(), eventFor(world.listingId, "bandwidth", "1", now.toString(), null));
        cases.put(Rejection.RETIRED_DIMENSION.name(), eventFor(world.listingId, "legacy", "1", now.toString(), null));
        cases.put(Rejection.INVALID_QUANTITY.name(), eventFor(world.listingId, "api_calls", "-1", now.toString(), null));
        cases.put(Rejection.INVALID_QUANTITY.name() + " (text)", eventFor(world.listingId, "api_calls", "\"lots\"", now.toString(), null));
        cases.put(Rejection.INVALID_QUANTITY.name() + " (object)", eventFor(world.listingId, "api_calls", "{\"n\": 1}", now.toString(), null));
        cases.put(Rejection.INVALID_QUANTITY.name() + " (1e400)", eventFor(world.listingId, "api_calls", "1e400", now.toString(), null));
        cases.put(Rejection.TOO_MANY_DECIMALS.name(), eventFor(world.listingId, "storage_gb", "1.005", now.toString(), null));
        cases.put(Rejection.TIMESTAMP_IN_FUTURE.name(), eventFor(world.listingId, "api_calls", "1",
                now.plus(Duration.ofMinutes(6)).toString(), null));
        cases.put(Rejection.TIMESTAMP_TOO_OLD.name(), eventFor(world.listingId, "api_calls", "1",
                now.minus(Duration.ofDays(36)).toString(), null));
        cases.put(Rejection.INVALID_TIMESTAMP.name(), eventFor(world.listingId, "api_calls", "1", "yesterday", null));
        cases.put(Rejection.UNKNOWN_LISTING.name(), eventFor("lst_nowhere", "api_calls", "1", now.toString(), null));
        cases.put(Rejection.LISTING_RETIRED.name(), eventFor(retiredListingId, "api_calls", "1", now.toString(), null));
        cases.put(Rejection.NO_ENTITLEMENT.name() + " (expired)", eventFor(expiredListingId, "api_calls", "1", now.toString(), null));
        cases.put(Rejection.MISSING_FIELD.name(), "{\"customerId\": \"%s\", \"listingId\": \"%s\", \"quantity\": 1}"
                .formatted(world.tenant.id(), world.listingId));
        // An event timed at its arrival would be another event when retried: the time is the caller's to give.
        cases.put(Rejection.MISSING_FIELD.name() + " (timestamp)", eventFor(world.listingId, "api_calls", "1", now.toString(), null)
                .replace(", \"timestamp\": \"" + now + "\"", ""));
        cases.put(Rejection.VENDOR_MISMATCH.name(), eventFor(world.listingId, "api_calls", "1", now.toString(), null)
                .replace("\"vendor\": \"aws\"", "\"vendor\": \"azure\""));
        cases.put("VALID-2", eventFor(world.listingId, "storage_gb", "1.50", now.toString(), null));
        cases.put("VALID-3 (expired entitlement, a day it was in force)", eventFor(expiredListingId, "api_calls", "1",
                now.minus(Duration.ofDays(11)).toString(), null));

        Response response = given().auth().oauth2(world.vendorToken()).contentType("application/json")
                .body("{\"events\": [" + String.join(",", cases.values()) + "]}").post("/api/v1/usage");
        response.then().statusCode(200).body("data.status", equalTo("FAILED")).body("data.accepted", equalTo(3))
                .body("data.rejected", equalTo(cases.size() - 3));
        List<String> labels = new ArrayList<>(cases.keySet());
        List<Map<String, Object>> events = response.path("data.events");
        List<String> acceptedIds = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Map<String, Object> outcome = events.get(i);
            String label = labels.get(i);
            assertThat(outcome.get("index")).as(label).isEqualTo(i);
            if (label.startsWith("VALID")) {
                assertThat(outcome.get("status")).as(label).isEqualTo("accepted");
                acceptedIds.add((String) outcome.get("eventId"));
            } else {
                assertThat(outcome.get("status")).as(label).isEqualTo("rejected");
                assertThat(outcome.get("reasonCode")).as(label).isEqualTo(label.split(" ")[0]);
                assertThat((String) outcome.get("reason")).as(label).endsWith(".").doesNotContain("\n");
            }
        }

        for (String id : acceptedIds) {
            PublishedUsage.await(id);
        }
        String reportId = response.path("data.reportId");
        ConsumerRecord<String, String> report = TestKafka.awaitRecord("metering.reports", r -> reportId.equals(r.key()),
                Duration.ofSeconds(20));
        assertThat(CloudEventHeaders.read(report.headers(), CloudEventHeaders.TYPE)).isEqualTo(MeteringReportV1.FAILED);
        JsonNode body = JSON.readTree(report.value());
        assertThat(body.path("accepted").asInt()).isEqualTo(3);
        assertThat(body.path("rejected").size()).isEqualTo(cases.size() - 3);
        assertThat(body.path("rejected").get(0).path("index").asInt()).isEqualTo(1);
        assertThat(body.path("rejected").get(0).path("reason").asText()).contains("org_nobody");
    }

    @Test
    void answersARejectedSingleEventWith400NamingTheField() {
        given().auth().oauth2(world.vendorToken()).contentType("application/json")
                .body(eventFor(world.listingId, "bandwidth", "1", Instant.now().toString(), null))
                .post("/api/v1/metering-event")
                .then().statusCode(400).body("code", equalTo(400)).body("errors[0].field", equalTo("dimension"))
                .body("errors[0].message", containsString("bandwidth"));
        given().auth().oauth2(world.vendorToken()).contentType("application/json")
                .body(eventFor(world.listingId, "api_calls", "-5", Instant.now().toString(), null))
                .post("/api/v1/metering-event")
                .then().statusCode(400).body("errors[0].field", equalTo("quantity"));
        given().auth().oauth2(world.vendorToken()).contentType("application/json")
                .body("{\"listingId\": \"%s\", \"dimension\": \"api_calls\", \"quantity\": 1}".formatted(world.listingId))
                .post("/api/v1/metering-event")
                .then().statusCode(400).body("errors[0].field", equalTo("customerId"));
        given().auth().oauth2(world.vendorToken()).contentType("application/json")
                .body("{\"customerId\": \"%s\", \"listingId\": \"%s\", \"dimension\": \"api_calls\", \"quantity\": 1}"
                        .formatted(world.tenant.id(), world.listingId))
                .post("/api/v1/metering-event")
                .then().statusCode(400).body("errors[0].field", equalTo("timestamp"))
                .body("errors[0].message", containsString("retry"));
    }

    @Test
    void refusesUsageOfAnotherVendorsListing() {
        String otherVendor = TestTokens.forRole(Role.VENDOR_ADMIN, world.otherVendor);
        given().auth().oauth2(otherVendor).contentType("application/json")
                .body(eventFor(world.listingId, "api_calls", "1", Instant.now().toString(), null))
                .post("/api/v1/metering-event")
                .then().statusCode(403).body("code", equalTo(403)).body("message", containsString("neither the vendor"));
        given().auth().oauth2(otherVendor).contentType("application/json")
                .body("{\"events\": [" + eventFor(world.listingId, "api_calls", "1", Instant.now().toString(), null) + "]}")
                .post("/api/v1/usage")
                .then().statusCode(200).body("data.status", equalTo("FAILED"))
                .body("data.events[0].reasonCode", equalTo(Rejection.NOT_LISTING_VENDOR.name()));
    }

    private String eventFor(String listingId, String dimension, String quantity, String timestamp, String customerId) {
        return """
                {"vendor": "aws", "customerId": "%s", "listingId": "%s", "dimension": "%s", "quantity": %s, "timestamp": "%s"}"""
                .formatted(customerId == null ? world.tenant.id() : customerId, listingId, dimension, quantity, timestamp);
    }
}
