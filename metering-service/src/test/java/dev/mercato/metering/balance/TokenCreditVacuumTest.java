package dev.mercato.metering.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.mercato.platform.persistence.QueueTableVacuum;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Credit lines are settled once each, which leaves a dead entry per line in the index of pending ones: the service
 * vacuums {@code token_credit} as a queue table when the server does not (this test server runs without autovacuum),
 * and the table asks autovacuum to come after 1 % of its rows changed.
 */
@QuarkusTest
class TokenCreditVacuumTest {

    @Inject
    QueueTableVacuum vacuum;

    @Test
    void settledCreditLinesAreVacuumedAway() {
        String transaction = "trx_vacuum_" + System.nanoTime();
        TestSql.execute("""
                insert into token_credit (transaction_id, line, customer_id, article_id, quantity, state, received_at)
                select ?, n, 'org_vacuum', 'art_vacuum', 1, 'PENDING', now() from generate_series(1, 3000) n""", transaction);
        TestSql.execute("update token_credit set state = 'NOT_TOKENS' where transaction_id = ?", transaction);
        await().atMost(Duration.ofSeconds(20)).until(() -> deadRows() >= 3000);

        List<String> vacuumed = vacuum.vacuumNow().await().atMost(Duration.ofSeconds(30));

        assertThat(vacuumed).contains("token_credit");
        await().atMost(Duration.ofSeconds(20)).until(() -> deadRows() < 1000);
        assertThat(TestSql.rows("select reloptions::text as options from pg_class where relname = 'token_credit'").get(0)
                .get("options").toString()).contains("autovacuum_vacuum_scale_factor=0.01");
    }

    private static long deadRows() {
        return TestSql.number("select coalesce(sum(n_dead_tup), 0) from pg_stat_user_tables where relname = 'token_credit'");
    }
}
