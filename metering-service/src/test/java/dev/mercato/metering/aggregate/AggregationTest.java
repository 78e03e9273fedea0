package dev.mercato.metering.aggregate;

import static dev.mercato.metering.aggregate.UsageEvents.event;
import static dev.mercato.metering.aggregate.UsageEvents.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.metering.load.IngestionLoad;
import dev.mercato.platform.events.UsageEventV1;
import dev.mercato.testkit.TestSql;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.junit.QuarkusTest;

/** What the aggregation makes of metering.usage: every measure, each event id counted once. */
@QuarkusTest
class AggregationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    UsageConsumer consumer;

    @Inject
    AggregateWriter writer;

    @Inject
    DedupePartitions partitions;

    @Inject
    IngestionLoad ingestion;

    @Inject
    MeterRegistry registry;

    static String newCustomer() {
        return "org_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    static Map<String, Object> aggregate(String customer, String dimension) {
        List<Map<String, Object>> rows = TestSql.rows("select * from usage_aggregate where customer_id = ? and dimension = ?",
                customer, dimension);
        return rows.isEmpty() ? null : rows.get(0);
    }

    static void awaitCount(String customer, String dimension, long count) {
        await().atMost(PATIENCE).until(() -> {
            Map<String, Object> row = aggregate(customer, dimension);
            return row != null && ((Number) row.get("event_count")).longValue() >= count;
        });
    }

    @Test
    void keepsEveryMeasureOfAnHour() {
        String customer = newCustomer();
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(5, ChronoUnit.HOURS);
        List<UsageEventV1> events = new ArrayList<>();
        String[] quantities = { "2.5", "7", "1.25" };
        for (int i = 0; i < quantities.length; i++) {
            Instant at = hour.plusSeconds(60L * (i + 1));
            for (String aggregation : List.of("SUM", "COUNT", "MAX", "LATEST")) {
                events.add(event(UUID.randomUUID().toString(), customer, "org_vendor", "lst_measures", aggregation.toLowerCase(),
                        aggregation, quantities[i], at, Map.of(), null));
            }
            events.add(event(UUID.randomUUID().toString(), customer, "org_vendor", "lst_measures", "users", "UNIQUE_COUNT",
                    "1", at, Map.of("userId", i == 2 ? "ada" : "user-" + i), "userId"));
        }
        // the latest by usage time, not by arrival: an earlier event arriving last does not win
        events.add(event(UUID.randomUUID().toString(), customer, "org_vendor", "lst_measures", "latest", "LATEST", "99",
                hour.plusSeconds(30), Map.of(), null));
        events.add(event(UUID.randomUUID().toString(), customer, "org_vendor", "lst_measures", "users", "UNIQUE_COUNT", "1",
                hour.plusSeconds(3000), Map.of("userId", "ada"), "userId"));
        UsageEvents.send(events);

        awaitCount(customer, "users", 4);
        awaitCount(customer, "latest", 4);
        assertThat(value(customer, "sum")).isEqualByComparingTo("10.75");
        assertThat(value(customer, "count")).isEqualByComparingTo("3");
        assertThat(value(customer, "max")).isEqualByComparingTo("7");
        assertThat(value(customer, "latest")).isEqualByComparingTo("1.25");
        assertThat(value(customer, "users")).isEqualByComparingTo("3");
        Map<String, Object> sum = aggregate(customer, "sum");
        assertThat(sum.get("hour_start").toString()).isNotNull();
        assertThat(((BigDecimal) sum.get("quantity_max"))).isEqualByComparingTo("7");
        assertThat(sum.get("vendor_id")).isEqualTo("org_vendor");
        assertThat(sum.get("subscription_id")).isEqualTo("SUB-" + customer);
        assertThat(TestSql.number("select count(*) from usage_aggregate_value v join usage_aggregate a on a.id = v.aggregate_id"
                + " where a.customer_id = ? and a.dimension = 'users'", customer)).isEqualTo(3);
    }

    private static BigDecimal value(String customer, String dimension) {
        return (BigDecimal) aggregate(customer, dimension).get("declared_value");
    }

    @Test
    void countsAnEventOnceInABatchAcrossBatchesAndAfterARestart() {
        String customer = newCustomer();
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS);
        UsageEventV1 once = sum(customer, "lst_once", "api_calls", "5", at);
        UsageEventV1 other = sum(customer, "lst_once", "api_calls", "1", at);
        UsageEvents.send(once, once, once, other);
        awaitCount(customer, "api_calls", 2);

        UsageEvents.send(once, other);
        UsageEventV1 marker = sum(customer, "lst_once", "api_calls", "100", at);
        UsageEvents.send(marker);
        awaitCount(customer, "api_calls", 3);

        consumer.stop();
        try {
            UsageEvents.send(once, marker, other);
        } finally {
            consumer.start();
        }
        UsageEventV1 lastMarker = sum(customer, "lst_once", "api_calls", "1000", at);
        UsageEvents.send(lastMarker);
        awaitCount(customer, "api_calls", 4);
        Map<String, Object> row = aggregate(customer, "api_calls");
        assertThat(((Number) row.get("event_count")).longValue()).isEqualTo(4);
        assertThat((BigDecimal) row.get("quantity_sum")).isEqualByComparingTo("1106");
        assertThat(TestSql.number("select count(*) from usage_event_seen where event_key = ?", CountableUsage.keyOf(once))).isOne();
    }

    @Test
    void countsOnlyTheNewEventsOfABatchThatRepeatsSomeAndLosesNone() {
        // A batch is first remembered as all new; one repeat rolls that back, and the batch is counted again
        // skipping its repeats (as is the batch after it). Whichever way each batch goes, these are the outcomes.
        String customer = newCustomer();
        Instant at = Instant.now().minus(4, ChronoUnit.HOURS);
        Map<CountableUsage.Target, CountableUsage.Target> targets = new HashMap<>();
        CountableUsage a = countable(customer, "1", at, targets), b = countable(customer, "2", at, targets),
                c = countable(customer, "4", at, targets), d = countable(customer, "8", at, targets);
        partitions.ensure(List.of(AggregateWriter.dayOf(a))).await().atMost(PATIENCE);

        assertThat(count(a, b)).isEqualTo(new AggregateWriter.Outcome(2, 0, 0));
        assertThat(count(b, c, a)).isEqualTo(new AggregateWriter.Outcome(1, 2, 0));
        assertThat(count(d, c)).isEqualTo(new AggregateWriter.Outcome(1, 1, 0));
        assertThat(count(c, d, b, a)).isEqualTo(new AggregateWriter.Outcome(0, 4, 0));
        Map<String, Object> row = aggregate(customer, "api_calls");
        assertThat(((Number) row.get("event_count")).longValue()).isEqualTo(4);
        assertThat((BigDecimal) row.get("quantity_sum")).isEqualByComparingTo("15");
        assertThat(TestSql.number("select count(*) from usage_event_seen where event_key in (?, ?, ?, ?)",
                a.key(), b.key(), c.key(), d.key())).isEqualTo(4);
    }

    private static CountableUsage countable(String customer, String quantity, Instant at,
            Map<CountableUsage.Target, CountableUsage.Target> targets) {
        return CountableUsage.of(sum(customer, "lst_repeats", "api_calls", quantity, at), targets);
    }

    private AggregateWriter.Outcome count(CountableUsage... events) {
        return writer.count(List.of(events)).await().atMost(PATIENCE);
    }

    @Test
    void ordersEventsAsTheDeduplicationIndexDoes() {
        Instant at = Instant.parse("2026-12-05T06:00:00Z");
        List<UUID> keys = new ArrayList<>(List.of(new UUID(0, 0), new UUID(-1, -1), new UUID(Long.MIN_VALUE, 0),
                new UUID(Long.MAX_VALUE, Long.MIN_VALUE), new UUID(1, -1), new UUID(1, 1)));
        for (int i = 0; i < 50; i++) {
            keys.add(UUID.randomUUID());
        }
        List<CountableUsage> events = new ArrayList<>();
        for (UUID key : keys) {
            events.add(new CountableUsage(key, null, null, BigDecimal.ONE, at.plusSeconds(key.hashCode() & 1), null));
        }
        events.sort(CountableUsage.INDEX_ORDER);
        String values = String.join(", ", events.stream()
                .map(event -> "('" + event.timestamp() + "'::timestamptz, '" + event.key() + "'::uuid)").toList());
        List<String> indexOrder = TestSql.rows("select k::text as k from (values " + values + ") v(t, k) order by t, k")
                .stream().map(row -> (String) row.get("k")).toList();
        assertThat(events.stream().map(event -> event.key().toString()).toList()).isEqualTo(indexOrder);
    }

    @Test
    void countsTwoVendorsEventsWithTheSameIdAsTwoEvents() {
        // A caller's event id is unique only within its vendor.
        String customer = newCustomer();
        Instant at = Instant.now().minus(3, ChronoUnit.HOURS);
        UsageEvents.send(event("evt-shared", customer, "org_vendor_a", "lst_vendor_a", "api_calls", "SUM", "2", at, Map.of(), null),
                event("evt-shared", customer, "org_vendor_b", "lst_vendor_b", "api_calls", "SUM", "3", at, Map.of(), null));
        await().atMost(PATIENCE).until(() -> TestSql.number(
                "select count(*) from usage_aggregate where customer_id = ? and dimension = 'api_calls'", customer) == 2);
        assertThat(TestSql.number("select sum(quantity_sum)::bigint from usage_aggregate where customer_id = ?", customer))
                .isEqualTo(5);
    }

    @Test
    void catchesUpAfterBeingStoppedWithoutCountingTwice() {
        String customer = newCustomer();
        Instant at = Instant.now().minus(3, ChronoUnit.HOURS);
        List<UsageEventV1> before = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            before.add(sum(customer, "lst_catch_up", "api_calls", "1", at.plusMillis(i)));
        }
        UsageEvents.send(before.subList(0, 500));
        awaitCount(customer, "api_calls", 500);

        consumer.stop();
        List<UsageEventV1> whileStopped = new ArrayList<>(before.subList(400, 1500)); // 100 already counted
        try {
            UsageEvents.send(whileStopped);
            Map<String, Object> stopped = aggregate(customer, "api_calls");
            assertThat(((Number) stopped.get("event_count")).longValue()).isEqualTo(500);
        } finally {
            consumer.start();
        }
        awaitCount(customer, "api_calls", 1500);
        UsageEvents.send(sum(customer, "lst_catch_up", "marker", "1", at));
        awaitCount(customer, "marker", 1);
        assertThat(((Number) aggregate(customer, "api_calls").get("event_count")).longValue()).isEqualTo(1500);
        assertThat((BigDecimal) aggregate(customer, "api_calls").get("quantity_sum")).isEqualByComparingTo("1500");
    }

    @Test
    void pausesBetweenBatchesOnlyWhileIngestionIsBusyAndCountsEveryEventOnceEitherWay() {
        Timer pauses = registry.timer("mercato.metering.aggregation.yield");
        Instant at = Instant.now().minus(2, ChronoUnit.HOURS);
        long before = pauses.count();
        String whileIdle = newCustomer();
        UsageEvents.send(sum(whileIdle, "lst_yield", "api_calls", "1", at));
        awaitCount(whileIdle, "api_calls", 1);
        assertThat(pauses.count()).isEqualTo(before);

        String whileBusy = newCustomer();
        ingestion.started(); // as a request waiting for Kafka does
        try {
            for (int round = 0; round < 3; round++) {
                List<UsageEventV1> events = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    events.add(sum(whileBusy, "lst_yield", "api_calls", "2", at.plusMillis(round * 100 + i)));
                }
                UsageEvents.send(events);
            }
            awaitCount(whileBusy, "api_calls", 300);
        } finally {
            ingestion.finished();
        }
        assertThat(pauses.count()).isGreaterThan(before);
        assertThat(((Number) aggregate(whileBusy, "api_calls").get("event_count")).longValue()).isEqualTo(300);
        assertThat((BigDecimal) aggregate(whileBusy, "api_calls").get("quantity_sum")).isEqualByComparingTo("600");
    }

    @Test
    void sendsRecordsThatCanNeverBeCountedToTheDeadLetterTopic() {
        String customer = newCustomer();
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS);
        UsageEvents.sendRaw(customer, "not json");
        UsageEvents.sendRaw(customer, "{\"id\": \"x-" + customer + "\", \"customerId\": \"" + customer + "\"}");
        UsageEvents.sendRaw(customer, "{\"id\": \"neg-" + customer + "\", \"customerId\": \"" + customer + "\", "
                + "\"listingId\": \"lst_poison\", \"dimension\": \"api_calls\", \"quantity\": -1, \"timestamp\": \"" + at + "\"}");
        UsageEvents.send(sum(customer, "lst_poison", "api_calls", "3", at));
        awaitCount(customer, "api_calls", 1);

        var letters = dev.mercato.testkit.TestKafka.readAll("metering.dead-letter", Duration.ofSeconds(5)).stream()
                .filter(record -> customer.equals(record.key())).toList();
        assertThat(letters).hasSize(3);
        assertThat(new String(letters.get(1).headers().lastHeader("dead-letter-reason").value())).contains("no listingId");
        assertThat(((Number) aggregate(customer, "api_calls").get("event_count")).longValue()).isOne();
    }

    @Test
    void countsWhatARecordOfSeveralEventsCanCountAndDeadLettersItWholeForTheRest() throws Exception {
        String customer = newCustomer();
        Instant at = Instant.now().minus(1, ChronoUnit.HOURS);
        UsageEventV1 first = sum(customer, "lst_several", "api_calls", "2", at);
        UsageEventV1 second = sum(customer, "lst_several", "api_calls", "5", at);
        String negative = UsageEvents.JSON.writeValueAsString(sum(customer, "lst_several", "api_calls", "-1", at));
        String value = "{\"events\": [" + UsageEvents.JSON.writeValueAsString(first) + ", " + negative + ", "
                + UsageEvents.JSON.writeValueAsString(second) + "]}";
        UsageEvents.sendAccepted(customer, value);
        awaitCount(customer, "api_calls", 2);

        var letters = dev.mercato.testkit.TestKafka.readAll("metering.dead-letter", Duration.ofSeconds(5)).stream()
                .filter(record -> customer.equals(record.key())).toList();
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.value()).isEqualTo(value);
            assertThat(new String(letter.headers().lastHeader("dead-letter-reason").value())).contains("event 1 has no quantity");
        });

        // The dead letter sent again (as an operator replays one): its events were counted, nothing more is.
        UsageEvents.sendAccepted(customer, value);
        UsageEvents.send(sum(customer, "lst_several", "api_calls", "1", at));
        awaitCount(customer, "api_calls", 3);
        assertThat((BigDecimal) aggregate(customer, "api_calls").get("quantity_sum")).isEqualByComparingTo("8");
        assertThat(((Number) aggregate(customer, "api_calls").get("event_count")).longValue()).isEqualTo(3);
    }
}
