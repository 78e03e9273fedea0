package dev.mercato.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.platform.persistence.QueueTableVacuum;
import dev.mercato.testkit.TestSql;
import dev.mercato.webhook.Receiver;
import dev.mercato.webhook.Webhooks;
import dev.mercato.webhook.Webhooks.Created;
import dev.mercato.webhook.WithMarketplaceAndReceiver;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The service vacuums its queue tables itself when the server does not (this test server runs without autovacuum;
 * tests turn the periodic round off and call it here): a queue table with dead rows past the threshold is vacuumed
 * and analysed, and its dead rows are gone. A large table is analysed only once enough of it changed, as autovacuum
 * would: analysing reads a sample of the whole table.
 */
@QuarkusTest
class QueueTableVacuumTest extends WithMarketplaceAndReceiver {

    @Inject
    QueueTableVacuum vacuum;

    @Test
    void aQueueTableWithDeadRowsIsVacuumedAndItsDeadRowsAreGone() {
        deliveredMessages("vacuum", 3000);
        TestSql.execute("delete from webhook_message where id like 'msg_vacuum%'");
        await().atMost(Duration.ofSeconds(20)).until(() -> deadRows("webhook_message") >= 3000);

        List<String> vacuumed = vacuumNow();

        assertThat(vacuumed).contains("webhook_message");
        await().atMost(Duration.ofSeconds(20)).until(() -> deadRows("webhook_message") < 1000);
        assertThat(TestSql.number("select count(*) from pg_stat_user_tables where relname = 'webhook_message' "
                + "and last_vacuum is not null and last_analyze is not null")).isEqualTo(1);
    }

    @Test
    void aLargeTableIsAnalysedOnlyOnceEnoughOfItChanged() {
        deliveredMessages("large", 30000);
        TestSql.execute("analyze webhook_message");
        await().atMost(Duration.ofSeconds(20)).until(() -> stat("n_mod_since_analyze") < 100);
        long analyses = stat("analyze_count");
        long vacuums = stat("vacuum_count");

        // 1,500 dead rows: a vacuum is due, an analyse not (autovacuum's 50 rows and a tenth of 30,000)
        TestSql.execute("delete from webhook_message where id in (select 'msg_large' || n from generate_series(1, 1500) n)");
        await().atMost(Duration.ofSeconds(20)).until(() -> deadRows("webhook_message") >= 1500);
        assertThat(vacuumNow()).contains("webhook_message");
        await().atMost(Duration.ofSeconds(20)).until(() -> stat("vacuum_count") == vacuums + 1);
        assertThat(stat("analyze_count")).isEqualTo(analyses);

        // 5,000 rows changed since the analyse: both are due
        TestSql.execute("delete from webhook_message where id in (select 'msg_large' || n from generate_series(1501, 5000) n)");
        await().atMost(Duration.ofSeconds(20)).until(() -> deadRows("webhook_message") >= 3500);
        assertThat(vacuumNow()).contains("webhook_message");
        await().atMost(Duration.ofSeconds(20)).until(() -> stat("vacuum_count") == vacuums + 2 && stat("analyze_count") == analyses + 1);

        TestSql.execute("delete from webhook_message where id like 'msg_large%'");
    }

    /** {@code count} delivered messages of a new endpoint, ids {@code msg_<prefix><n>}. */
    private void deliveredMessages(String prefix, int count) {
        Created endpoint = Webhooks.create(organizations.tenant, receiver.url("vacuum-" + prefix, Receiver.always(200)),
                "\"eventTypes\": [\"invoice.voided\"]");
        TestSql.execute("""
                insert into webhook_message (id, endpoint_id, event_id, event_type, subject, payload, status,
                    next_attempt_at, created_at)
                select 'msg_' || ? || n, ?, 'evt_' || ? || n, 'invoice.voided', 'inv_' || n, '{}', 'DELIVERED', now(), now()
                from generate_series(1, ?) n""", prefix, endpoint.id(), prefix, count);
    }

    private List<String> vacuumNow() {
        return vacuum.vacuumNow().await().atMost(Duration.ofSeconds(30));
    }

    private static long stat(String column) {
        return TestSql.number("select " + column + " from pg_stat_user_tables where relname = 'webhook_message'");
    }

    private static long deadRows(String table) {
        return TestSql.number("select coalesce(sum(n_dead_tup), 0) from pg_stat_user_tables where relname = ?", table);
    }
}
