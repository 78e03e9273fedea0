package dev.mercato.metering.ingest;

import static dev.mercato.testkit.TestKafka.header;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.metering.MeteringWorld;
import dev.mercato.platform.events.MeteringReportV1;
import dev.mercato.platform.events.UsageAcceptedV2;
import dev.mercato.platform.events.UsageEventV1;
import dev.mercato.platform.messaging.CloudEventHeaders;
import dev.mercato.testkit.TestKafka;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Each report shape is accepted, and its events and report are on Kafka as the aggregation reads them. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestShapesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private MeteringWorld world;

    @BeforeAll
    void publishTheWorld() {
        world = MeteringWorld.create();
    }

    @Test
    void acceptsASingleEventOnceItIsDurableAndPublishesItKeyedByCustomer() throws Exception {
        Instant timestamp = Instant.now().minus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.MILLIS);
        Response response = given().auth().oauth2(world.vendorToken()).contentType("application/json").header("X-Request-ID", "req-single-1")
                .body("""
                        {"vendor": "aws", "customerId": "%s", "listingId": "%s", "dimension": "active_users",
                         "quantity": 1, "timestamp": "%s", "eventId": "evt-single-%s", "properties": {"user": "ada"}}"""
                        .formatted(world.tenant.id(), world.listingId, timestamp, world.listingId))
                .post("/api/v1/metering-event");
        response.then().statusCode(202).body("code", equalTo(202)).body("data.status", equalTo("accepted"))
                .body("data.eventId", equalTo("evt-single-" + world.listingId));
        String reportId = response.path("data.reportId");

        PublishedUsage.Found found = PublishedUsage.await("evt-single-" + world.listingId);
        ConsumerRecord<String, String> record = found.record();
        assertThat(record.key()).isEqualTo(world.tenant.id());
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(UsageAcceptedV2.TYPE);
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/mercato/metering-service");
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(world.tenant.id());
        assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(reportId + "/0");
        assertThat(header(record, "x-request-id")).isEqualTo("req-single-1");
        assertThat(PublishedUsage.events(record).events()).hasSize(1);
        UsageEventV1 event = found.event();
        assertThat(event.reportId()).isEqualTo(reportId);
        assertThat(event.customerId()).isEqualTo(world.tenant.id());
        assertThat(event.vendorId()).isEqualTo(world.vendor.id());
        assertThat(event.subscriptionId()).isEqualTo(world.subscription);
        assertThat(event.dimension()).isEqualTo("active_users");
        assertThat(event.quantity()).isEqualByComparingTo("1");
        assertThat(event.timestamp()).isEqualTo(timestamp);
        assertThat(event.properties()).containsEntry("user", "ada");
        assertThat(event.aggregation()).isEqualTo("UNIQUE_COUNT");
        assertThat(event.uniqueProperty()).isEqualTo("user");

        ConsumerRecord<String, String> report = TestKafka.awaitRecord("metering.reports",
                r -> reportId.equals(r.key()), Duration.ofSeconds(20));
        assertThat(header(report, CloudEventHeaders.TYPE)).isEqualTo(MeteringReportV1.CONFIRMED);
        JsonNode body = JSON.readTree(report.value());
        assertThat(body.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(body.path("shape").asText()).isEqualTo("metering-event");
        assertThat(body.path("accepted").asInt()).isEqualTo(1);
        assertThat(body.path("vendorId").asText()).isEqualTo(world.vendor.id());
    }

    @Test
    void acceptsAnHourlyReportAsOneEventPerUsageTimedAtTheStartOfItsDay() throws Exception {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        Response response = given().auth().oauth2(world.vendorToken()).contentType("application/json")
                .header("Idempotency-Key", "hourly-" + world.listingId)
                .body("""
                        {"vendor": "aws", "listingId": "%s",
                         "details": {"customer": {"id": "%s"}, "reportingDate": "%s", "charged": 12.5,
                                     "usages": [{"apiKey": "api_calls", "units": 1250, "title": "API Calls",
                                                 "description": "Number of API requests", "per": "request", "price": "0.01"},
                                                {"apiKey": "tokens", "units": 4, "title": "Flex", "per": "call", "price": "0"}]}}"""
                        .formatted(world.listingId, world.tenant.id(), yesterday))
                .post("/api/v1/metering");
        response.then().statusCode(200).body("data.status", equalTo("CONFIRMED")).body("data.accepted", equalTo(2))
                .body("data.rejected", equalTo(0)).body("data.events", hasSize(2))
                .body("data.events[1].index", equalTo(1)).body("data.events[1].status", equalTo("accepted"));
        String tokensEventId = response.path("data.events[1].eventId");

        UsageEventV1 event = PublishedUsage.await(tokensEventId).event();
        assertThat(event.timestamp()).isEqualTo(yesterday.atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(event.quantity()).isEqualByComparingTo("4");
        assertThat(event.tokenRate()).isEqualByComparingTo("2.5");
        assertThat(event.reportId()).isEqualTo(response.<String>path("data.reportId"));
    }

    @Test
    void acceptsAReportTimedAtTheInstantItGives() throws Exception {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        String eventId = given().auth().oauth2(world.vendorToken()).contentType("application/json")
                .body("""
                        {"listingId": "%s", "details": {"customer": {"id": "%s"}, "reportingDate": "%s",
                         "usages": [{"apiKey": "storage_gb", "units": "12.50"}]}}"""
                        .formatted(world.listingId, world.tenant.id(), hour))
                .post("/api/v1/metering").then().statusCode(200).body("data.status", equalTo("CONFIRMED"))
                .extract().path("data.events[0].eventId");
        UsageEventV1 event = PublishedUsage.await(eventId).event();
        assertThat(event.timestamp()).isEqualTo(hour);
        assertThat(event.quantity()).isEqualByComparingTo("12.5");
        assertThat(event.aggregation()).isEqualTo("MAX");
    }

    @Test
    void acceptsABatchAndAnswersEveryEventInOrder() {
        StringBuilder events = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            events.append(i == 0 ? "" : ",").append(world.event("api_calls", Integer.toString(i)));
        }
        Response response = given().auth().oauth2(world.vendorToken()).contentType("application/json")
                .body("{\"events\": [" + events + "]}").post("/api/v1/usage");
        response.then().statusCode(200).body("code", equalTo(200)).body("data.status", equalTo("CONFIRMED"))
                .body("data.accepted", equalTo(100)).body("data.events", hasSize(100))
                .body("data.events[99].index", equalTo(99));
        List<String> ids = response.path("data.events.eventId");
        assertThat(ids).doesNotHaveDuplicates();
        // All of them in one record, in the batch's order.
        ConsumerRecord<String, String> record = PublishedUsage.await(ids.get(99)).record();
        assertThat(PublishedUsage.events(record).events()).extracting(UsageEventV1::id).containsExactlyElementsOf(ids);
    }

}
