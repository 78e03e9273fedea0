package dev.mercato.webhook.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.mercato.testkit.TestSql;
import dev.mercato.webhook.Receiver;
import dev.mercato.webhook.Receiver.Received;
import dev.mercato.webhook.Webhooks;
import dev.mercato.webhook.Webhooks.Created;
import dev.mercato.webhook.WithMarketplaceAndReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The claim does not depend on fresh statistics, and a claim that runs long anyway is cut short without stalling the
 * engine (docs/BENCHMARKS.md, "A backlog that stalled the engine").
 * <ul>
 * <li>{@code webhook_message} analysed while it held only delivered messages, then 40,000 pending messages of one
 * endpoint on 40 subjects whose heads are not due yet. Planned from those statistics, the head-of-subject lookup once
 * read the endpoint's pile for every candidate (minutes); the due index now cannot serve it, so it stays an index-only
 * lookup, no claim times out, and another endpoint's due messages go within seconds, in order per subject.</li>
 * <li>Planned from those same statistics, the delivered mark of a dozen messages reads them by primary key: it once
 * read every pending message into a hash to join the ids to (the whole backlog for every batch).</li>
 * <li>A claim held up longer than {@code claim-timeout} (here by a lock on the table, held until one was) is cancelled and
 * counted, and the messages go once the next claim gets through.</li>
 * </ul>
 */
@QuarkusTest
@TestProfile(ClaimTimeoutTest.FreshDatabase.class)
class ClaimTimeoutTest extends WithMarketplaceAndReceiver {

    static final int BACKLOG = 40_000;
    static final int PILED_SUBJECTS = 40;
    static final int STEADY_SUBJECTS = 10;
    static final int STEADY_PER_SUBJECT = 3;
    /** Several claim timeouts over; a claim reading the pile for every candidate takes far longer. */
    static final Duration BOUND = Duration.ofSeconds(15);
    private static final Pattern CLAIM_TIMEOUTS =
            Pattern.compile("mercato_webhooks_statement_timeouts_total\\{[^}]*statement=\"claim\"[^}]*} ([0-9.E]+)");

    /**
     * A Quarkus start of its own, so a database of its own: no other test's pending messages are in the table when
     * its statistics are taken. The claim timeout is one second.
     */
    public static class FreshDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mercato.webhooks.claim-timeout", "PT1S");
        }
    }

    @Inject
    DeliveryEngine engine;

    @Test
    void aBacklogStoredAfterTheStatisticsWereTakenDoesNotSlowTheClaim() {
        // Endpoints for an event type nothing publishes here: their only messages are the ones this test stores.
        Created piled = Webhooks.create(organizations.tenant, receiver.url("piled", Receiver.always(200)),
                "\"eventTypes\": [\"invoice.voided\"]");
        Created steady = Webhooks.create(organizations.tenant, receiver.url("steady", Receiver.always(200)),
                "\"eventTypes\": [\"invoice.voided\"]");
        double timeoutsBefore = claimTimeouts();
        engine.pause(true);
        long resumedAt;
        try {
            storeHistoryAndTakeStatistics(piled.id(), steady.id());
            storeBacklog(piled.id(), steady.id(), "stale");
            assertThat(headLookupPlan(piled.id())).as("the head lookup, planned from statistics without a pending row")
                    .contains("webhook_message_pending_subject").doesNotContain("webhook_message_endpoint_due");
            assertThat(deliveredMarkPlan()).as("the delivered mark, planned once from statistics without a pending row")
                    .contains("webhook_message_pkey").doesNotContain("webhook_message_pending_subject");
        } finally {
            resumedAt = System.nanoTime();
            engine.pause(false);
        }
        engine.wake();

        List<Received> received = await().atMost(BOUND)
                .until(() -> receiver.at(steady.url()), r -> r.size() == STEADY_SUBJECTS * STEADY_PER_SUBJECT);
        System.out.printf("ClaimTimeoutTest: %d due messages delivered %d ms after the engine resumed%n",
                received.size(), (System.nanoTime() - resumedAt) / 1_000_000);
        assertThat(claimTimeouts()).as("claims cut short").isEqualTo(timeoutsBefore);
        assertThat(inOrderOfArrival(received).values())
                .allSatisfy(numbers -> assertThat(numbers).containsExactly(1, 2, 3));
        // every piled subject's head is not due yet, so nothing behind it may go
        assertThat(receiver.at(piled.url())).isEmpty();
    }

    @Test
    void aClaimHeldUpPastTheTimeoutIsCutShortAndDeliveryGoesOn() throws Exception {
        Created steady = Webhooks.create(organizations.tenant, receiver.url("locked", Receiver.always(200)),
                "\"eventTypes\": [\"invoice.voided\"]");
        double timeoutsBefore = claimTimeouts();
        engine.pause(true);
        try (Connection locker = TestSql.connection()) {
            try {
                storeSteady(steady.id(), "locked");
                locker.setAutoCommit(false);
                try (Statement statement = locker.createStatement()) {
                    // Reads go on; the claim's "for update" waits for the lock.
                    statement.execute("lock table webhook_message in exclusive mode");
                }
            } finally {
                engine.pause(false);
            }
            engine.wake();
            await().atMost(BOUND).until(() -> claimTimeouts() > timeoutsBefore);
            assertThat(receiver.at(steady.url())).as("nothing claimed while the lock is held").isEmpty();
            locker.rollback();
        }

        List<Received> received = await().atMost(BOUND)
                .until(() -> receiver.at(steady.url()), r -> r.size() == STEADY_SUBJECTS * STEADY_PER_SUBJECT);
        assertThat(inOrderOfArrival(received).values())
                .allSatisfy(numbers -> assertThat(numbers).containsExactly(1, 2, 3));
    }

    /** Nothing in the table but a day's delivered messages when its statistics are taken: no pending message at all. */
    private static void storeHistoryAndTakeStatistics(String piled, String steady) {
        assertThat(TestSql.number("select count(*) from webhook_message where status = 'PENDING'")).isZero();
        TestSql.execute("""
                insert into webhook_message (id, endpoint_id, event_id, event_type, subject, payload, status,
                    next_attempt_at, delivered_at, created_at)
                select 'msg_history_' || i, case when i % 2 = 0 then ? else ? end, 'evt_history_' || i,
                    'invoice.voided', 'inv_history_' || i, '{}', 'DELIVERED', now(), now(), now()
                from generate_series(1, 500) i""", piled, steady);
        TestSql.execute("vacuum analyze webhook_message");
    }

    /**
     * {@link #BACKLOG} messages of {@code piled} on {@link #PILED_SUBJECTS} subjects whose heads are due in an hour
     * (everything behind them due a minute ago), then the due messages of {@code steady}.
     */
    private static void storeBacklog(String piled, String steady, String run) {
        TestSql.execute("""
                insert into webhook_message (id, endpoint_id, event_id, event_type, subject, payload, status,
                    next_attempt_at, created_at)
                select 'msg_piled_' || i, ?, 'evt_piled_' || i, 'invoice.voided', 'inv_piled_' || (i % ?), '{}',
                    'PENDING', case when i <= ? then now() + interval '1 hour' else now() - interval '1 minute' end, now()
                from generate_series(1, ?) i""", piled, PILED_SUBJECTS, PILED_SUBJECTS, BACKLOG);
        storeSteady(steady, run);
    }

    /** Three due messages on each of ten subjects of {@code endpointId}, numbered in order of storing. */
    private static void storeSteady(String endpointId, String run) {
        TestSql.execute("""
                insert into webhook_message (id, endpoint_id, event_id, event_type, subject, payload, status,
                    next_attempt_at, created_at)
                select 'msg_' || ? || '_' || i, ?, 'evt_' || ? || '_' || i, 'invoice.voided', 'inv_steady_' || (i % ?),
                    jsonb_build_object('event', 'invoice.voided',
                        'data', jsonb_build_object('subject', 'inv_steady_' || (i % ?), 'n', (i - 1) / ? + 1))::text,
                    'PENDING', now(), now()
                from generate_series(1, ?) i""", run, endpointId, run, STEADY_SUBJECTS, STEADY_SUBJECTS,
                STEADY_SUBJECTS, STEADY_SUBJECTS * STEADY_PER_SUBJECT);
    }

    /** The plan of the claim's head-of-subject lookup, as the planner makes it from the statistics it has. */
    private static String headLookupPlan(String endpointId) {
        return TestSql.rows("""
                explain (costs off) select p.seq from webhook_message p
                where p.endpoint_id = ? and p.subject = 'inv_piled_1' and p.status = 'PENDING'
                order by p.seq limit 1""", endpointId).stream()
                .map(row -> row.values().iterator().next().toString()).collect(Collectors.joining("\n"));
    }

    /**
     * The generic plan (the one the engine's connections use) of the delivered mark for two messages of the pile, as the
     * planner makes it from the statistics it has.
     */
    private static String deliveredMarkPlan() {
        try (Connection connection = TestSql.connection(); Statement statement = connection.createStatement()) {
            statement.execute("set plan_cache_mode = force_generic_plan");
            statement.execute("prepare delivered(varchar[], varchar[], timestamptz[], int[], int[], varchar[]) as "
                    + DeliveredRecorder.DELIVERED);
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = statement.executeQuery("""
                    explain (costs off) execute delivered(array['msg_piled_1', 'msg_piled_2'], array['a', 'a'],
                        array[now(), now()], array[200, 200], array[1, 1], array['', ''])""")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            return plan.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Each subject's message numbers in the order the receiver got them. */
    private static Map<String, List<Integer>> inOrderOfArrival(List<Received> received) {
        return received.stream().map(r -> JsonPath.from(r.body())).collect(Collectors.groupingBy(
                body -> body.getString("data.subject"), LinkedHashMap::new,
                Collectors.mapping(body -> body.getInt("data.n"), Collectors.toList())));
    }

    private static double claimTimeouts() {
        Matcher matcher = CLAIM_TIMEOUTS.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    /** The engine would otherwise look through the pile on every round for as long as this instance runs. */
    @AfterEach
    void dropTheBacklog() {
        TestSql.execute("delete from webhook_message where id like 'msg_piled_%'");
    }
}
