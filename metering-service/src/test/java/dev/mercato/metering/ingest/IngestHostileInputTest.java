package dev.mercato.metering.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.metering.MeteringWorld;
import dev.mercato.testkit.HostileRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Bodies crafted to break ingestion — huge and non-finite numbers, nested junk, wrong types, oversized batches,
 * thousands of mutated requests — are answered with a 4xx in the error shape, never a 5xx.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestHostileInputTest {

    private MeteringWorld world;

    @BeforeAll
    void publishTheWorld() {
        world = MeteringWorld.create();
    }

    @Test
    void refusesHostileSingleEventsWith400() {
        String base = world.event("api_calls", "QUANTITY");
        List<String> bodies = new ArrayList<>();
        for (String quantity : List.of("1e400", "-1e-400", "1e999999999", "1e-2147483648", "99999999999999999999999999",
                "\"NaN\"", "\"Infinity\"", "\"1e99999\"", "true", "null", "[1]", "{\"a\": {\"b\": [null, {}]}}", "0.1")) {
            bodies.add(base.replace("QUANTITY", quantity));
        }
        bodies.add(base.replace("QUANTITY", "NaN"));
        bodies.add(base.replace("QUANTITY", "1").replace("\"customerId\": \"", "\"customerId\": 5, \"x\": \""));
        bodies.add(base.replace("QUANTITY", "1").replace("\"dimension\": \"api_calls\"", "\"dimension\": [\"api_calls\"]"));
        bodies.add(base.replace("QUANTITY", "1").replace("}", ", \"properties\": {\"a\": {\"b\": [1]}}}"));
        bodies.add(base.replace("QUANTITY", "1").replace("}", ", \"properties\": {\"a\": 1}}"));
        bodies.add(base.replace("QUANTITY", "1").replace("}", ", \"unknown\": 1}"));
        bodies.add(base.replace("QUANTITY", "1").replace("\"timestamp\": \"", "\"timestamp\": \"+999999999-12-31T23:59:59Z"));
        bodies.add(base.replace("QUANTITY", "1").replace("\"customerId\": \"", "\"customerId\": \"\\u0000"));
        bodies.add("[]");
        bodies.add("\"event\"");
        bodies.add("null");
        bodies.add("");
        bodies.add("{");
        bodies.add("{\"quantity\": 1}{\"quantity\": 2}");
        for (String body : bodies) {
            given().auth().oauth2(world.vendorToken()).contentType("application/json").body(body)
                    .post("/api/v1/metering-event")
                    .then().statusCode(400).contentType(ContentType.JSON).body("code", equalTo(400));
        }
    }

    @Test
    void refusesBodiesThatAreNotUtf8NamingTheBody() {
        String event = world.event("api_calls", "1");
        // An overlong "/" (C0 AF) that a lenient decoder reads as "/", and the same event in UTF-16.
        String marker = "\"dimension\": \"api_calls\"";
        byte[] overlong = overlong(event.replace(marker, marker + ", \"properties\": {\"path\": \"a#b\"}"));
        byte[] utf16 = event.getBytes(StandardCharsets.UTF_16BE);
        for (String path : List.of("/api/v1/metering-event", "/api/v1/usage", "/api/v1/metering")) {
            for (byte[] body : List.of(overlong, utf16)) {
                given().auth().oauth2(world.vendorToken()).contentType("application/json").body(body).post(path)
                        .then().statusCode(400).body("code", equalTo(400)).body("errors[0].field", equalTo("body"));
            }
        }
    }

    /** {@code json} in UTF-8, with each {@code #} written as the overlong two-byte form of {@code /}. */
    private static byte[] overlong(String json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (byte b : json.getBytes(StandardCharsets.UTF_8)) {
            if (b == '#') {
                bytes.write(0xC0);
                bytes.write(0xAF);
            } else {
                bytes.write(b);
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void refusesAHugeCustomerIdWith400InsteadOfAReportKafkaCannotTake() {
        String huge = "c".repeat(600_000);
        String body = world.event("api_calls", "1").replaceFirst("\"customerId\": \"[^\"]*\"",
                "\"customerId\": \"" + huge + "\"");
        given().auth().oauth2(world.vendorToken()).contentType("application/json").body(body)
                .post("/api/v1/metering-event")
                .then().statusCode(400).body("code", equalTo(400)).body("errors[0].field", equalTo("customerId"));
    }

    @Test
    void refusesMalformedBatchesAndReportsWith400() {
        String event = world.event("api_calls", "1");
        List<String> batches = List.of("{}", "{\"events\": null}", "{\"events\": []}", "{\"events\": {}}",
                "{\"events\": [1]}", "{\"events\": [null]}", "{\"events\": [[" + event + "]]}", "{\"events\": \"x\"}",
                "{\"events\": [" + (event + ",").repeat(1000) + event + "]}");
        for (String body : batches) {
            given().auth().oauth2(world.vendorToken()).contentType("application/json").body(body).post("/api/v1/usage")
                    .then().statusCode(400).body("code", equalTo(400));
        }
        String report = """
                {"listingId": "%s", "details": {"customer": {"id": "%s"}, "reportingDate": "DATE", "usages": USAGES}}"""
                .formatted(world.listingId, world.tenant.id());
        List<String> reports = List.of(report.replace("DATE", "2026-13-45").replace("USAGES", "[{\"apiKey\": \"api_calls\", \"units\": 1}]"),
                report.replace("DATE", "soon").replace("USAGES", "[{\"apiKey\": \"api_calls\", \"units\": 1}]"),
                report.replace("DATE", "2026-12-01").replace("USAGES", "[]"),
                report.replace("DATE", "2026-12-01").replace("USAGES", "\"x\""),
                report.replace("DATE", "2026-12-01").replace("USAGES", "[null]"),
                report.replace("DATE", "2026-12-01").replace("USAGES", "[{\"apiKey\": 1, \"units\": 1}]"),
                "{\"listingId\": \"x\"}", "{\"details\": {}}");
        for (String body : reports) {
            given().auth().oauth2(world.vendorToken()).contentType("application/json").body(body).post("/api/v1/metering")
                    .then().statusCode(400).body("code", equalTo(400));
        }
    }

    @Test
    void acceptsABatchOfExactlyTheLimit() {
        String event = world.event("api_calls", "1");
        given().auth().oauth2(world.vendorToken()).contentType("application/json")
                .body("{\"events\": [" + (event + ",").repeat(999) + event + "]}").post("/api/v1/usage")
                .then().statusCode(200).body("data.accepted", equalTo(1000));
    }

    @Test
    void answersNoMalformedRequestWithAServerError() throws Exception {
        AtomicInteger used = new AtomicInteger();
        String[] token = { null };
        HostileRequests.Tally tally = new HostileRequests(RestAssured.port, 20_261_201L, () -> {
            if (used.getAndIncrement() % 40 == 0) {
                token[0] = world.vendorToken();
            }
            return token[0];
        })
                .endpoint("POST", "/api/v1/metering-event", world.event("api_calls", "1"))
                .endpoint("POST", "/api/v1/usage", "{\"events\": [" + world.event("storage_gb", "1.5") + "]}")
                .endpoint("POST", "/api/v1/metering", """
                        {"vendor": "aws", "listingId": "%s", "details": {"customer": {"id": "%s"}, "reportingDate": "2026-12-01",
                         "charged": 1, "usages": [{"apiKey": "api_calls", "units": 1, "title": "t", "per": "call", "price": "0.01"}]}}"""
                        .formatted(world.listingId, world.tenant.id()))
                .send(1500);
        System.out.println("malformed requests to metering-service: " + tally);
        assertThat(tally.serverErrors()).isEmpty();
    }
}
