package dev.mercato.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The event backbone across processes ({@link EventBackbone}), the web console's journeys in a real Chromium
 * ({@link ConsoleJourneys}), the short crash drill
 * ({@code bench/drill.sh}) and the short fuzzing run ({@code bench/fuzz.sh}), one after the other against one suite of
 * their own with the demo marketplace and its month (a suite start and a demo month cost minutes, and all want the same
 * world). The backbone checks and the journeys go first and only add what they look at (organizations, applications,
 * a webhook endpoint whose receiver is gone once they end, a tenant user, an order).
 *
 * <p>The drill goes first: the fuzzer's requests that are accepted may change the demo objects the drill builds on (its
 * partner, vendor and listing), while a finished drill has settled everything it started and removed its webhook
 * endpoint. Its usage hours stay open (they close an hour after they end, by business time), so nothing of the drill
 * changes a collection while the fuzzer compares totals.
 *
 * <ol>
 * <li>Drill: under a steady load of usage, orders and webhook deliveries, order-service, metering-service,
 * billing-service and webhook-service are each killed with {@code kill -9} and started again, then the Kafka broker.
 * Nothing acknowledged may be lost or counted twice, every transaction must finish, every processed one must reach the
 * webhook receiver, and no invoice the demo month finalized may change. (The full drill, which also restarts
 * PostgreSQL, is run by hand: docs/BENCHMARKS.md.)</li>
 * <li>Fuzzer: a few hundred requests per service generated from each service's OpenAPI document, then the authorization
 * matrices over every operation of every service: invalid tokens, each of the ten roles against the scopes the document
 * declares, and the admins of foreign organizations against the demo's objects. Because all are generated from the
 * OpenAPI documents, a new endpoint is fuzzed and checked for its token handling, its scopes and its organization
 * boundary without anyone adding it here. (The full run, 10,000 requests per service, is run by hand:
 * docs/BENCHMARKS.md.)</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoUnderFireSystemTest {

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
    @Order(0)
    void everyServiceIsReady() {
        EventBackbone.everyServiceIsReady(SUITE);
    }

    @Test
    @Order(0)
    void theDemoRunAgainPrintsWhatItCreatedInsteadOfRepeatingTheMonth() {
        MercatoCli.Outcome again = SUITE.demo();

        assertThat(again.output()).contains("the demo already ran on this suite")
                .containsPattern("distributor  org_\\w+  Nordic Distribution AB")
                .contains("client_secret=")
                .doesNotContain("a month of activity, one business day at a time");
    }

    @Test
    @Order(0)
    void aTenantCreatedInIdentityBecomesAnAccountInOrder() {
        EventBackbone.aTenantCreatedInIdentityBecomesAnAccountInOrder(SUITE);
    }

    @Test
    @Order(0)
    void aVendorCreatedInIdentitySellsWhatThePlatformListsForItInCatalog() {
        EventBackbone.aVendorCreatedInIdentitySellsWhatThePlatformListsForItInCatalog(SUITE);
    }

    @Test
    @Order(0)
    void aRevokedApplicationIsRefusedByOtherServicesAtOnce() {
        EventBackbone.aRevokedApplicationIsRefusedByOtherServicesAtOnce(SUITE);
    }

    @Test
    @Order(0)
    void theConsoleShowsEachUserWhatTheApiLetsThemSee() throws Exception {
        ConsoleJourneys.platformAdmin(SUITE);
        ConsoleJourneys.tenantSeesOnlyItsOwn(SUITE);
        ConsoleJourneys.ordersUsageAndInvoices(SUITE);
    }

    @Test
    @Order(1)
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

    @Test
    @Order(2)
    void generatedRequestsGetNo5xxAndEveryOperationKeepsItsScopesAndOrganizationBoundary() {
        MercatoCli.Outcome fuzz = SUITE.script("bench/fuzz.sh", Map.of(
                "MERCATO_FUZZ_REQUESTS", "300",
                "MERCATO_FUZZ_SEED", String.valueOf(System.currentTimeMillis() % 1000),
                // a shared build machine stalls now and then; a hang is what this bounds
                "MERCATO_FUZZ_SLOW_MS", "8000"), 600);

        assertThat(fuzz.output()).contains("authorization matrix:").contains("authorization by role:")
                .contains("authorization by organization:").contains("fuzz: no violation");
        assertThat(fuzz.exitCode()).as("bench/fuzz.sh failed:%n%s", fuzz.output()).isZero();
    }
}
