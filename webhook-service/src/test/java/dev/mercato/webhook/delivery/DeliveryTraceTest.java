package dev.mercato.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.testkit.TestSql;
import dev.mercato.webhook.Receiver;
import dev.mercato.webhook.Receiver.Received;
import dev.mercato.webhook.Webhooks;
import dev.mercato.webhook.Webhooks.Created;
import dev.mercato.webhook.WithMarketplaceAndReceiver;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;

/** A delivery is a span in the trace of the event it was made from; the receiver is never told that trace. */
@QuarkusTest
class DeliveryTraceTest extends WithMarketplaceAndReceiver {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void deliversInTheEventsTraceWithoutSendingTheTraceToTheReceiver() {
        Created endpoint = Webhooks.create(organizations.tenant, receiver.url("traced", Receiver.always(200)), null);
        String traceId = hex(16);
        String publishedIn = hex(8);
        Webhooks.entitlementChanged("ent_" + UUID.randomUUID(), organizations.tenant,
                Map.of("traceparent", "00-" + traceId + "-" + publishedIn + "-01"));

        Received received = await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at(endpoint.url()), r -> !r.isEmpty())
                .get(0);
        assertThat(received.headers().keySet()).noneMatch(name -> name.equalsIgnoreCase("traceparent")
                || name.equalsIgnoreCase("tracestate") || name.equalsIgnoreCase("baggage"));
        String messageId = received.header("webhook-id");
        assertThat(TestSql.rows("select trace_parent from webhook_message where id = ?", messageId).get(0)
                .get("trace_parent").toString()).contains(traceId);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<SpanData> trace = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(traceId)).toList();
            assertThat(trace).anySatisfy(span -> {
                assertThat(span.getName()).isEqualTo("webhook deliver");
                assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
                // a child of the span the event was published in: the event's trace goes on in its deliveries
                assertThat(span.getParentSpanId()).isEqualTo(publishedIn);
                assertThat(span.getAttributes().get(AttributeKey.stringKey("mercato.webhook.message.id"))).isEqualTo(messageId);
                assertThat(span.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
            });
        });
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
