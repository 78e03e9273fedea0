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
 * and analysed, and its dead rows are gone.
 */
@QuarkusTest
class QueueTableVacuumTest extends WithMarketplaceAndReceiver {

    @Inject
    QueueTableVacuum vacuum;

    @Test
    void aQueueTableWithDeadRowsIsVacuumedAndItsDeadRowsAreGone() {
        Created endpoint = Webhooks.create(organizations.tenant, receiver.url("vacuum", Receiver.always(200)),
                "\"eventTypes\": [\"invoice.voided\"]");
        TestSql.execute("""
                insert into webhook_message (id, endpoint_id, event_id, event_type, subject, payload, status,
                    next_attempt_at, created_at)
                select 'msg_vacuum' || n, ?, 'evt_vacuum' || n, 'invoice.voided', 'inv_' || n, '{}', 'DELIVERED', now(), now()
                from generate_series(1, 3000) n""", endpoint.id());
        TestSql.execute("delete from webhook_message where id like 'msg_vacuum%'");
        await().atMost(Duration.ofSeconds(20)).until(() -> deadRows("webhook_message") >= 3000);

        List<String> vacuumed = vacuum.vacuumNow().await().atMost(Duration.ofSeconds(30));

        assertThat(vacuumed).contains("webhook_message");
        await().atMost(Duration.ofSeconds(20)).until(() -> deadRows("webhook_message") < 1000);
        assertThat(TestSql.number("select count(*) from pg_stat_user_tables where relname = 'webhook_message' "
                + "and last_vacuum is not null and last_analyze is not null")).isEqualTo(1);
    }

    private static long deadRows(String table) {
        return TestSql.number("select coalesce(sum(n_dead_tup), 0) from pg_stat_user_tables where relname = ?", table);
    }
}
