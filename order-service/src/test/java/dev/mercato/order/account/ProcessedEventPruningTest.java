package dev.mercato.order.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.platform.messaging.ProcessedEventPruner;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProcessedEventPruningTest {

    @Inject
    ProcessedEventPruner pruner;

    @Test
    void forgetsProcessedEventsOlderThanTheRetentionAndKeepsNewerOnes() {
        String expired = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        String insert = "insert into processed_event (consumer, event_id, event_type, processed_at)"
                + " values ('order-service.accounts', ?, 'mercato.test.v1', now() - cast(? as interval))";
        TestSql.execute(insert, expired, "8 days");
        TestSql.execute(insert, recent, "6 days");

        pruner.prune().await().atMost(Duration.ofSeconds(10));

        assertThat(TestSql.number("select count(*) from processed_event where event_id = ?", expired)).isZero();
        assertThat(TestSql.number("select count(*) from processed_event where event_id = ?", recent)).isEqualTo(1);
    }
}
