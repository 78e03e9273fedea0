package dev.mercato.metering.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.UsageAcceptedV2;
import dev.mercato.platform.events.UsageEventV1;
import io.quarkus.test.junit.QuarkusTest;

/** The hand-driven writer of usage events writes exactly what the service's Jackson data binding would. */
@QuarkusTest
class UsageEventJsonTest {

    @Inject
    ObjectMapper json;

    @Test
    void writesWhatDataBindingWrites() throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("user", "ada \"lovelace\" \u00e9\u20ac\n\t\\");
        properties.put("region", "eu-north-1");
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        List<UsageEventV1> events = List.of(
                new UsageEventV1("e1", "r1", "org_c", "org_v", "lst_1", "SUB-1", "api_calls", new BigDecimal("1000"), at,
                        at.plusNanos(123_456_789), properties, "UNIQUE_COUNT", "user", new BigDecimal("2.5")),
                new UsageEventV1("e2", "r1", "org_c", "org_v", "lst_1", null, "storage_gb", new BigDecimal("0.0000001"),
                        at.plusMillis(5), at, Map.of(), "SUM", null, null),
                new UsageEventV1("e3", null, null, null, null, null, null, null, null, null, null, null, null, null));
        for (String quantity : List.of("0", "7", "-7", "999999999999999999", "-999999999999999999", "1000000000000000000",
                "123456789012345678901234567890", "1E+3", "10.0", "0.50", "1e-3")) {
            events = new ArrayList<>(events);
            events.add(new UsageEventV1("q" + quantity, "r1", "org_c", "org_v", "lst_1", null, "api_calls",
                    new BigDecimal(quantity), at, at, null, "SUM", null, new BigDecimal(quantity)));
        }
        // Together, as one request's events: values repeated, changed and missing from one event to the next.
        List<UsageEventV1> together = new ArrayList<>();
        for (UsageEventV1 event : events) {
            together.add(new UsageEventV1(event.id(), event.reportId(), event.customerId(), event.vendorId(), event.listingId(),
                    event.subscriptionId(), event.dimension(), event.quantity(), event.timestamp(), at, event.properties(),
                    event.aggregation(), event.uniqueProperty(), event.tokenRate()));
            together.add(new UsageEventV1(event.id() + "b", event.reportId(), "org_other", event.vendorId(), event.listingId(),
                    "SUB-2", event.dimension(), event.quantity(), at, at, Map.of("region", "eu-north-1", "user", "grace"),
                    event.aggregation(), null, event.tokenRate()));
        }
        assertThat(UsageEventJson.writeAccepted(together, instant -> instant == null ? null : instant.toString(), at.toString(),
                UsageAcceptedV2.MAX_BYTES)).extracting(value -> new String(value, StandardCharsets.UTF_8))
                .containsExactly(json.writeValueAsString(new UsageAcceptedV2(together)));
        for (UsageEventV1 event : events) {
            String receivedAt = event.receivedAt() == null ? null : event.receivedAt().toString();
            assertThat(UsageEventJson.writeAccepted(List.of(event), instant -> instant == null ? null : instant.toString(), receivedAt,
                    UsageAcceptedV2.MAX_BYTES)).extracting(value -> new String(value, StandardCharsets.UTF_8))
                    .containsExactly(json.writeValueAsString(new UsageAcceptedV2(List.of(event))));
        }
    }

    @Test
    void writesAReportsEventsAsDataBindingWritesThemSplitWhereAValueGrowsTooLarge() throws Exception {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        Instant receivedAt = at.plusSeconds(1);
        List<UsageEventV1> events = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            events.add(new UsageEventV1("e" + i, "r1", "org_c", "org_v", "lst_1", null, "api_calls", BigDecimal.valueOf(i),
                    at.plusSeconds(i / 10), receivedAt, Map.of("n", "x".repeat(i)), "SUM", null, null));
        }
        assertThat(UsageEventJson.writeAccepted(events, Instant::toString, receivedAt.toString(), UsageAcceptedV2.MAX_BYTES))
                .extracting(value -> new String(value, StandardCharsets.UTF_8))
                .containsExactly(json.writeValueAsString(new UsageAcceptedV2(events)));

        List<byte[]> parts = UsageEventJson.writeAccepted(events, Instant::toString, receivedAt.toString(), 2_000);
        assertThat(parts).hasSizeGreaterThan(4);
        List<UsageEventV1> read = new ArrayList<>();
        for (byte[] part : parts) {
            // A value is begun anew once it holds the limit: it passes it by at most one event.
            assertThat(part.length).isLessThan(2_000 + 500);
            read.addAll(json.readValue(part, UsageAcceptedV2.class).events());
        }
        assertThat(read).isEqualTo(events);
    }
}
