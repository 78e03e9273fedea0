package dev.mercato.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Leases and delivered marks commit without waiting for the WAL flush, on connections an operator can tell apart;
 * everything else (stored messages, failed attempts) keeps the server's synchronous commit.
 */
@QuarkusTest
class DeliveryPoolTest {

    @Inject
    DeliveryPool deliveryPool;

    @Inject
    Pool sharedPool;

    @Test
    void theEnginesConnectionsCommitAsynchronouslyAndTheSharedPoolDoesNot() {
        Row engine = settings(deliveryPool.pool());
        assertThat(engine.getString("synchronous_commit")).isEqualTo("off");
        assertThat(engine.getString("application_name")).isEqualTo(DeliveryPool.APPLICATION_NAME);
        assertThat(settings(sharedPool).getString("synchronous_commit")).isEqualTo("on");
    }

    private static Row settings(Pool pool) {
        return pool.query("select current_setting('synchronous_commit') as synchronous_commit, "
                + "current_setting('application_name') as application_name").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
    }
}
