package dev.mercato.metering.aggregate;

import static dev.mercato.metering.aggregate.AggregationTest.awaitCount;
import static dev.mercato.metering.aggregate.AggregationTest.newCustomer;
import static dev.mercato.metering.aggregate.UsageEvents.sum;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;

/** Remembered event ids live in one partition per usage day, and days past the retention are dropped whole. */
@QuarkusTest
class DedupePartitionsTest {

    @Inject
    DedupePartitions partitions;

    @Test
    void keepsADayPerPartitionAndDropsThoseOlderThanTheRetention() {
        String customer = newCustomer();
        Instant old = Instant.now().minus(60, ChronoUnit.DAYS);
        Instant recent = Instant.now().minus(2, ChronoUnit.DAYS);
        UsageEvents.send(sum(customer, "lst_days", "old", "1", old), sum(customer, "lst_days", "recent", "1", recent));
        awaitCount(customer, "old", 1);
        awaitCount(customer, "recent", 1);
        String oldPartition = partition(old);
        String recentPartition = partition(recent);
        assertThat(exists(oldPartition)).isTrue();
        assertThat(exists(recentPartition)).isTrue();

        partitions.ensureAhead().await().atMost(Duration.ofSeconds(30));
        assertThat(exists(partition(Instant.now().plus(1, ChronoUnit.DAYS)))).isTrue();

        assertThat(partitions.prune().await().atMost(Duration.ofSeconds(30))).isGreaterThanOrEqualTo(1);
        assertThat(exists(oldPartition)).isFalse();
        assertThat(exists(recentPartition)).isTrue();
        assertThat(TestSql.number("select count(*) from usage_aggregate where customer_id = ?", customer))
                .as("dropping ids never touches the aggregates").isEqualTo(2);
    }

    private static String partition(Instant at) {
        return "usage_event_seen_" + LocalDate.ofInstant(at, ZoneOffset.UTC).toString().replace("-", "");
    }

    private static boolean exists(String table) {
        return TestSql.number("select count(*) from pg_class where relname = ?", table) == 1;
    }
}
