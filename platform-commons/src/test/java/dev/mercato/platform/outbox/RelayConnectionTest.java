package dev.mercato.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.mercato.platform.persistence.OwnConnections;

/**
 * The relay's connection commits without waiting for the WAL flush and plans its statements once (the published mark
 * was planned anew for every batch), under a name an operator can find in {@code pg_stat_activity}.
 */
class RelayConnectionTest {

    @Test
    void theRelaysConnectionCommitsAsynchronouslyAndPlansOnce() {
        OwnConnections database = new OwnConnections("postgresql://127.0.0.1:5432/mercato_order", "postgres",
                Optional.empty());

        assertThat(database.options(RelayConnection.APPLICATION_NAME, RelayConnection.SETTINGS).getProperties())
                .containsEntry("synchronous_commit", "off")
                .containsEntry("plan_cache_mode", "force_generic_plan")
                .containsEntry("application_name", "mercato-outbox-relay");
    }
}
