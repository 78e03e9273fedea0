package dev.mercato.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The short crash drill ({@code bench/drill.sh}) against a suite of its own with the demo marketplace: under a steady
 * load of usage, orders and webhook deliveries, order-service, metering-service, billing-service and webhook-service
 * are each killed with {@code kill -9} and started again, then the Kafka broker. Nothing acknowledged may be lost or
 * counted twice, every transaction must finish, every processed one must reach the webhook receiver, and no invoice the
 * demo month finalized may change. (The full drill, which also restarts PostgreSQL, is run by hand:
 * docs/BENCHMARKS.md.)
 */
class CrashDrillSystemTest {

    private static final Suite SUITE = Suite.withoutRateLimits();

    @BeforeAll
    static void startSuite() {
        SUITE.up();
        SUITE.demo();
    }

    @AfterAll
    static void stopSuite() {
        SUITE.down();
    }

    @Test
    void nothingAcknowledgedIsLostOrDoubledWhenServicesAndTheBrokerAreKilledUnderLoad() {
        MercatoCli.Outcome drill = SUITE.script("bench/drill.sh", Map.of(
                "MERCATO_DRILL_SERVICES", "order metering billing webhook",
                "MERCATO_DRILL_PAUSE", "8",
                "MERCATO_DRILL_POSTGRES", "false",
                "MERCATO_DRILL_EVENTS_PER_SECOND", "100"), 1200);

        assertThat(drill.output()).contains("crash drill").contains("acknowledged usage lost            0 ")
                // the demo month finalized invoices before the load; the drill watches them
                .containsPattern("invoices changed after finalization  0   \\(must be 0; of [1-9]");
        assertThat(drill.exitCode()).as("bench/drill.sh failed:%n%s", drill.output()).isZero();
    }
}
