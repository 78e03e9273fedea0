package dev.mercato.metering.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.mercato.platform.events.UsageAcceptedV2;
import dev.mercato.platform.events.UsageEventV1;
import dev.mercato.platform.messaging.CloudEventHeaders;
import dev.mercato.platform.messaging.PoisonEventException;

/** The aggregation's streaming reader takes what data binding writes, and refuses what could never be counted. */
class UsageRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final UsageRecords records = new UsageRecords();

    @Test
    void readsAnEventAsDataBindingWroteIt() throws Exception {
        UsageEventV1 event = new UsageEventV1("evt-1", "rpt-1", "org_tenant", "org_vendor", "lst_1", "SUB-1", "users",
                new BigDecimal("2.500"), Instant.parse("2026-12-01T10:15:30.123Z"), Instant.parse("2026-12-01T10:15:31Z"),
                Map.of("userId", "ada"), "UNIQUE_COUNT", "userId", new BigDecimal("0.5"));
        assertThat(records.read(record(JSON.writeValueAsString(event))).events()).containsExactly(event);

        UsageEventV1 bare = new UsageEventV1("evt-2", null, "org_tenant", null, "lst_1", null, "api_calls", BigDecimal.ONE,
                Instant.parse("2026-12-01T10:00:00Z"), null, null, null, null, null);
        assertThat(records.read(record(JSON.writeValueAsString(bare))).events()).containsExactly(bare);
    }

    @Test
    void ignoresFieldsANewerProducerAddsAndReadsScalarsAsDataBindingWould() {
        UsageEventV1 event = records.read(record("""
                {"future": {"nested": [1, {"a": null}]}, "id": 42, "customerId": "org_t", "listingId": "lst_1",
                 "dimension": "api_calls", "quantity": "7.25", "timestamp": "2026-12-01T12:00:00+02:00",
                 "properties": {"region": "eu", "empty": null}, "more": [true]}""")).events().get(0);
        assertThat(event.id()).isEqualTo("42");
        assertThat(event.quantity()).isEqualByComparingTo("7.25");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(event.properties()).containsEntry("region", "eu").containsEntry("empty", null);
    }

    @Test
    void refusesWhatCouldNeverBeCounted() {
        String valid = "\"id\": \"e\", \"customerId\": \"c\", \"listingId\": \"l\", \"dimension\": \"d\", "
                + "\"timestamp\": \"2026-12-01T10:00:00Z\"";
        Map<String, String> bad = Map.of(
                "not JSON", "{\"id\": ",
                "an array", "[1, 2]",
                "a quantity object", "{" + valid + ", \"quantity\": {\"v\": 1}}",
                "a quantity that is no number", "{" + valid + ", \"quantity\": \"many\"}",
                "a timestamp that is no instant", "{" + valid.replace("2026-12-01T10:00:00Z", "yesterday") + ", \"quantity\": 1}",
                "properties as a list", "{" + valid + ", \"quantity\": 1, \"properties\": [\"a\"]}",
                "an id object", "{" + valid.replace("\"e\"", "{}") + ", \"quantity\": 1}",
                "no id", "{" + valid.replace("\"id\": \"e\", ", "") + ", \"quantity\": 1}",
                "a negative quantity", "{" + valid + ", \"quantity\": -1}");
        bad.forEach((what, json) -> assertThatThrownBy(() -> records.read(record(json))).as(what)
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("metering.usage-0@7"));
    }

    @Test
    void readsAReportsEventsOfOneCustomerAndKeepsThoseThatCanBeCountedWhenOthersCannot() throws Exception {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        UsageEventV1 first = new UsageEventV1("evt-1", "rpt-1", "org_tenant", "org_vendor", "lst_1", null, "api_calls",
                BigDecimal.ONE, at, at, Map.of("region", "eu"), "SUM", null, null);
        UsageEventV1 third = new UsageEventV1("evt-3", "rpt-1", "org_tenant", "org_vendor", "lst_1", null, "api_calls",
                BigDecimal.TEN, at, at, null, "SUM", null, null);
        String negative = JSON.writeValueAsString(new UsageEventV1("evt-2", "rpt-1", "org_tenant", "org_vendor", "lst_1",
                null, "api_calls", new BigDecimal("-1"), at, at, null, "SUM", null, null));
        String value = "{\"events\": [" + JSON.writeValueAsString(first) + ", " + negative + ", " + JSON.writeValueAsString(third)
                + ", " + negative.replace("evt-2", "evt-4") + "], \"later\": {\"a\": [1]}}";

        UsageRecords.Read read = records.read(accepted(value));
        assertThat(read.events()).containsExactly(first, third);
        assertThat(read.poison()).contains("metering.usage-0@7", "event 1 has no quantity, a negative one",
                "and 1 more events that cannot be counted");

        UsageRecords.Read all = records.read(accepted(JSON.writeValueAsString(new UsageAcceptedV2(List.of(first, third)))));
        assertThat(all.events()).containsExactly(first, third);
        assertThat(all.poison()).isNull();
    }

    @Test
    void refusesARecordOfSeveralWhoseEventsCannotBeRead() {
        Map<String, String> bad = Map.of(
                "no events", "{\"other\": []}",
                "events not a list", "{\"events\": {}}",
                "a list of numbers", "{\"events\": [1]}",
                "an array", "[]",
                "not JSON", "{\"events\": [{\"id\": ");
        bad.forEach((what, json) -> assertThatThrownBy(() -> records.read(accepted(json))).as(what)
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("metering.usage-0@7"));
    }

    private static ConsumerRecord<String, byte[]> record(String json) {
        return new ConsumerRecord<>("metering.usage", 0, 7, "org_tenant", json.getBytes(StandardCharsets.UTF_8));
    }

    private static ConsumerRecord<String, byte[]> accepted(String json) {
        ConsumerRecord<String, byte[]> record = record(json);
        record.headers().add(CloudEventHeaders.TYPE, UsageAcceptedV2.TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
