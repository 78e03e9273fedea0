package dev.mercato.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Leases and delivered marks commit without waiting for the WAL flush, on connections an operator can tell apart, and
 * their statements are planned once per connection (the claim was planned anew on every execution) and cut short after
 * the claim timeout; everything else (stored messages, failed attempts) keeps the server's synchronous commit, plan
 * choice and statement timeout.
 */
@QuarkusTest
class DeliveryPoolTest {

    @Inject
    DeliveryPool deliveryPool;

    @Inject
    Pool sharedPool;

    @Test
    void theEnginesConnectionsCommitAsynchronouslyPlanOnceAndTimeOutAndTheSharedPoolDoesNot() {
        Row engine = settings(deliveryPool.pool());
        assertThat(engine.getString("synchronous_commit")).isEqualTo("off");
        assertThat(engine.getString("application_name")).isEqualTo(DeliveryPool.APPLICATION_NAME);
        assertThat(engine.getString("plan_cache_mode")).isEqualTo("force_generic_plan");
        assertThat(engine.getString("statement_timeout")).as("the claim timeout's default").isEqualTo("2s");
        Row shared = settings(sharedPool);
        assertThat(shared.getString("synchronous_commit")).isEqualTo("on");
        assertThat(shared.getString("plan_cache_mode")).isEqualTo("auto");
        assertThat(shared.getString("statement_timeout")).isEqualTo("0");
    }

    private static Row settings(Pool pool) {
        return pool.query("select current_setting('synchronous_commit') as synchronous_commit, "
                + "current_setting('application_name') as application_name, "
                + "current_setting('plan_cache_mode') as plan_cache_mode, "
                + "current_setting('statement_timeout') as statement_timeout").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
    }
}
