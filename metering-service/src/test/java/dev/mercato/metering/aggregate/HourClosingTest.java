package dev.mercato.metering.aggregate;

import static dev.mercato.metering.aggregate.AggregationTest.aggregate;
import static dev.mercato.metering.aggregate.AggregationTest.awaitCount;
import static dev.mercato.metering.aggregate.AggregationTest.newCustomer;
import static dev.mercato.metering.aggregate.UsageEvents.sum;
import static dev.mercato.testkit.TestKafka.header;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;


import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mercato.platform.events.Topics;
import dev.mercato.platform.events.UsageAggregateV1;
import dev.mercato.platform.events.UsageEventV1;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/** Closing hours: each aggregate published once when its grace has passed, and every later change as a correction. */
@QuarkusTest
class HourClosingTest {

    @Inject
    HourClosing closing;

    @Test
    void publishesAClosedHourOnceThenALateEventAsACorrection() throws Exception {
        String customer = newCustomer();
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(3, ChronoUnit.HOURS);
        Instant current = Instant.now();
        UsageEvents.send(sum(customer, "lst_close", "api_calls", "4", hour.plusSeconds(10)),
                sum(customer, "lst_close", "api_calls", "6", hour.plusSeconds(20)),
                sum(customer, "lst_close", "open_hour", "1", current));
        awaitCount(customer, "api_calls", 2);
        awaitCount(customer, "open_hour", 1);

        closing.closeDue().await().atMost(Duration.ofSeconds(30));
        String id = "uag_" + aggregate(customer, "api_calls").get("id");
        JsonNode closed = awaitEvent(id, UsageAggregateV1.CLOSED);
        assertThat(closed.get("value").decimalValue()).isEqualByComparingTo("10");
        assertThat(closed.get("revision").asInt()).isOne();
        assertThat(closed.get("count").asLong()).isEqualTo(2);
        assertThat(closed.get("hourStart").asText()).isEqualTo(hour.toString());
        assertThat(closed.get("customerId").asText()).isEqualTo(customer);
        assertThat(closed.get("previousValue").isNull()).isTrue();
        assertThat(aggregate(customer, "open_hour").get("closed_at")).as("the current hour stays open").isNull();

        UsageEvents.send(sum(customer, "lst_close", "api_calls", "5", hour.plusSeconds(30)));
        awaitCount(customer, "api_calls", 3);
        JsonNode corrected = awaitEvent(id, UsageAggregateV1.CORRECTED);
        assertThat(corrected.get("revision").asInt()).isEqualTo(2);
        assertThat(corrected.get("value").decimalValue()).isEqualByComparingTo("15");
        assertThat(corrected.get("previousValue").decimalValue()).isEqualByComparingTo("10");

        closing.closeDue().await().atMost(Duration.ofSeconds(30));
        assertThat(publishedEvents(id, UsageAggregateV1.CLOSED)).isOne();
        assertThat(publishedEvents(id, UsageAggregateV1.CORRECTED)).isOne();
    }

    @Test
    void closesEachAggregateOnceWithTwoSweepsAtOnce() {
        String customer = newCustomer();
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(4, ChronoUnit.HOURS);
        List<UsageEventV1> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            events.add(sum(customer, "lst_race", "dim_" + i, "1", hour.plusSeconds(i)));
        }
        UsageEvents.send(events);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(
                () -> TestSql.number("select count(*) from usage_aggregate where customer_id = ?", customer) == 300);

        List<Integer> closedBy = Uni.join().all(closing.closeDue(), closing.closeDue(), closing.closeDue()).andCollectFailures()
                .await().atMost(Duration.ofSeconds(60));
        assertThat(TestSql.number("select count(*) from usage_aggregate where customer_id = ? and closed_at is not null",
                customer)).isEqualTo(300);
        // One CLOSED event per aggregate, whichever sweep closed it.
        Predicate<ConsumerRecord<String, String>> closedOfCustomer = record -> record.value().contains(customer)
                && UsageAggregateV1.CLOSED.equals(header(record, "ce_type"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> TestKafka.events(
                Topics.METERING_AGGREGATES, closedOfCustomer, Duration.ofSeconds(1)).size() >= 300);
        List<ConsumerRecord<String, String>> closed = TestKafka.events(Topics.METERING_AGGREGATES, closedOfCustomer,
                Duration.ofSeconds(2));
        assertThat(closed).hasSize(300);
        assertThat(closed.stream().map(ConsumerRecord::key).distinct()).hasSize(300);
        assertThat(closedBy.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(300);
    }

    /** The events of {@code type} published for aggregate {@code id}. */
    private static long publishedEvents(String id, String type) {
        return TestKafka.events(Topics.METERING_AGGREGATES,
                record -> id.equals(record.key()) && type.equals(header(record, "ce_type")), Duration.ofSeconds(2)).size();
    }


    private static JsonNode awaitEvent(String id, String type) throws Exception {
        ConsumerRecord<String, String> record = TestKafka.awaitRecord("metering.aggregates", candidate -> id.equals(candidate.key())
                && type.equals(new String(candidate.headers().lastHeader("ce_type").value())), Duration.ofSeconds(30));
        return UsageEvents.JSON.readTree(record.value());
    }

}
