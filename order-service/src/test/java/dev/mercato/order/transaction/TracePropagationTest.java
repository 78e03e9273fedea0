package dev.mercato.order.transaction;

import static dev.mercato.order.transaction.OrderFixture.csnOf;
import static dev.mercato.order.transaction.OrderFixture.initialOrder;
import static dev.mercato.order.transaction.OrderFixture.json;
import static dev.mercato.order.transaction.OrderFixture.newPurchaseOrder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestTokens;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One trace from the HTTP request that places an order, through the outbox and Kafka, into the processor that
 * consumes the order's event, and on through the events the processor writes in turn (the next outbox rows).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracePropagationTest {

    private final OrderFixture fixture = new OrderFixture();

    @Inject
    InMemorySpanExporter spans;

    @BeforeAll
    void publish() {
        fixture.publish();
    }

    @Test
    void anOrderIsOneTraceFromItsRequestThroughKafkaToTheEventsItsProcessingPublishes() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String id = given().auth().oauth2(TestTokens.forRole(Role.PARTNER_ADMIN, fixture.partner))
                .header("traceparent", "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                .contentType("application/json").queryParam("type", "INITIAL")
                .body(json(initialOrder(csnOf(fixture.tenant), newPurchaseOrder(), fixture.sku, 2, 94)))
                .post("/api/v1/transactions").then().statusCode(202).extract().path("data.id");

        // The outbox row of the request keeps its trace, and the record the relay sends carries it on.
        ConsumerRecord<String, String> pending = TestKafka.awaitRecord("orders.transactions",
                record -> id.equals(record.key()) && record.value().contains("\"PENDING\""), Duration.ofSeconds(30));
        assertThat(traceIdOf(pending)).isEqualTo(traceId);

        // The processor consumed it in that trace, and what it published in turn is in that trace too.
        ConsumerRecord<String, String> processed = TestKafka.awaitRecord("orders.transactions",
                record -> id.equals(record.key()) && record.value().contains("\"PROCESSED\""), Duration.ofSeconds(30));
        assertThat(traceIdOf(processed)).isEqualTo(traceId);
        ConsumerRecord<String, String> subscription = TestKafka.awaitRecord("orders.subscriptions",
                record -> record.value().contains("\"customerId\":\"" + fixture.tenant.id() + "\""), Duration.ofSeconds(30));
        assertThat(traceIdOf(subscription)).isEqualTo(traceId);

        // The spans: the request, the relay's publication of the PENDING event, and the consumer of that record,
        // whose parent is the publication (the span the record's traceparent names).
        String publishSpanId = parentSpanIdOf(pending);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<SpanData> trace = spansOf(traceId);
            assertThat(trace).anySatisfy(span -> {
                assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
                assertThat(span.getName()).contains("/api/v1/transactions");
            });
            assertThat(trace).anySatisfy(span -> {
                assertThat(span.getSpanId()).isEqualTo(publishSpanId);
                assertThat(span.getName()).isEqualTo("outbox publish orders.transactions");
                assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
            });
            assertThat(trace).anySatisfy(span -> {
                assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
                assertThat(span.getName()).contains("orders.transactions");
                assertThat(span.getParentSpanId()).isEqualTo(publishSpanId);
            });
        });
    }

    private List<SpanData> spansOf(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    private static String traceIdOf(ConsumerRecord<String, String> record) {
        return traceparentOf(record).split("-")[1];
    }

    private static String parentSpanIdOf(ConsumerRecord<String, String> record) {
        return traceparentOf(record).split("-")[2];
    }

    private static String traceparentOf(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader("traceparent");
        assertThat(header).as("traceparent header of %s", record.value()).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
