package dev.mercato.metering.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.metering.MeteringWorld;
import dev.mercato.platform.security.Role;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Event and report ids are deterministic: a report sent again — with the same idempotency key under either
 * header name, or without a key and with the same content — names the same events and the same report.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventIdTest {

    private MeteringWorld world;
    private String report;

    @BeforeAll
    void publishTheWorld() {
        world = MeteringWorld.create();
        report = """
                {"vendor": "aws", "listingId": "%s", "details": {"customer": {"id": "%s"}, "reportingDate": "%s",
                 "usages": [{"apiKey": "api_calls", "units": 100}, {"apiKey": "storage_gb", "units": 2.5}]}}"""
                .formatted(world.listingId, world.tenant.id(), LocalDate.now(ZoneOffset.UTC));
    }

    @Test
    void namesTheSameEventsAndReportWhenTheSameReportIsSentAgain() {
        Response first = send(vendor(), report, null, null);
        Response second = send(vendor(), report.replace(" ", ""), null, null);
        assertThat(ids(second)).isEqualTo(ids(first));
        assertThat(second.<String>path("data.reportId")).isEqualTo(first.path("data.reportId"));
        assertThat(ids(first)).doesNotHaveDuplicates();
        // The report's events are timed at the start of its reportingDate, and its id starts with that time.
        long millis = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        String time = "%012x".formatted(millis);
        assertThat(first.<String>path("data.reportId")).startsWith(time.substring(0, 8) + "-" + time.substring(8) + "-8");
    }

    @Test
    void derivesTheIdsFromTheIdempotencyKeyUnderEitherHeader() {
        Response plain = send(vendor(), report, "Idempotency-Key", "report-2026-12-01-a");
        Response legacy = send(vendor(), report, "X-Idempotency-Key", "report-2026-12-01-a");
        Response other = send(vendor(), report, "Idempotency-Key", "report-2026-12-01-b");
        Response noKey = send(vendor(), report, null, null);
        assertThat(ids(legacy)).isEqualTo(ids(plain));
        assertThat(legacy.<String>path("data.reportId")).isEqualTo(plain.path("data.reportId"));
        assertThat(ids(other)).doesNotContainAnyElementsOf(ids(plain));
        assertThat(ids(noKey)).doesNotContainAnyElementsOf(ids(plain));
    }

    @Test
    void keepsTheCallersEventIdAndScopesDerivedIdsToTheReportingOrganization() {
        String event = world.event("api_calls", "3").replace("\"vendor\"", "\"eventId\": \"my-event-7\", \"vendor\"");
        given().auth().oauth2(vendor()).contentType("application/json").body(event).post("/api/v1/metering-event")
                .then().statusCode(202).body("data.eventId", equalTo("my-event-7"));
        String platform = TestTokens.forRole(Role.PLATFORM_ADMIN, OrganizationEvents.PLATFORM);
        Response fromVendor = send(vendor(), report, "Idempotency-Key", "shared-key");
        Response fromPlatform = send(platform, report, "Idempotency-Key", "shared-key");
        assertThat(ids(fromPlatform)).doesNotContainAnyElementsOf(ids(fromVendor));
    }

    @Test
    void refusesAMalformedOrAmbiguousIdempotencyKey() {
        request(vendor()).header("Idempotency-Key", "k".repeat(256)).body(report).post("/api/v1/metering")
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        request(vendor()).header("Idempotency-Key", "a").header("X-Idempotency-Key", "b").body(report)
                .post("/api/v1/metering").then().statusCode(400).body("errors[0].field", equalTo("X-Idempotency-Key"));
        request(vendor()).header("X-Idempotency-Key", "with space").body(report).post("/api/v1/metering")
                .then().statusCode(400).body("errors[0].field", equalTo("X-Idempotency-Key"));
    }

    private String vendor() {
        return world.vendorToken();
    }

    private static RequestSpecification request(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    private static Response send(String token, String body, String header, String key) {
        RequestSpecification request = request(token);
        if (header != null) {
            request.header(header, key);
        }
        Response response = request.body(body).post("/api/v1/metering");
        response.then().statusCode(200).body("data.status", equalTo("CONFIRMED"));
        return response;
    }

    private static List<String> ids(Response response) {
        return response.path("data.events.eventId");
    }
}
