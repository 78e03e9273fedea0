package dev.mercato.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.mercato.testkit.TestSql;
import dev.mercato.webhook.Receiver;
import dev.mercato.webhook.Webhooks;
import dev.mercato.webhook.WithMarketplaceAndReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The head of each subject's queue, on the real database, with the engine paused so only the test moves messages: a
 * subject with pending messages has exactly one head, including when storing a message and ending the head of the
 * same subject run at the same moment in either order (each waits for the other's lock, so neither misses the other).
 */
@QuarkusTest
class SubjectQueuesTest extends WithMarketplaceAndReceiver {

    @Inject
    Pool pool;

    @Inject
    DeliveryEngine engine;

    @Inject
    DeliveredRecorder recorder;

    private String endpoint;
    private String subject;

    @BeforeEach
    void pausedEngineAndAnEndpoint() {
        engine.pause(true);
        endpoint = Webhooks.create(organizations.vendor, receiver.url("queues-" + UUID.randomUUID(), Receiver.always(200)),
                null).id();
        subject = "ent_" + UUID.randomUUID();
    }

    @AfterEach
    void resumeEngine() {
        engine.pause(false);
    }

    @Test
    void aBatchStoresOneHeadPerSubjectAndQueuesTheRestBehindThePendingHead() {
        String other = "ent_" + UUID.randomUUID();
        store(subject, other, subject);
        assertThat(heads(subject)).hasSize(1).containsExactly(oldestPending(subject));
        assertThat(heads(other)).hasSize(1);

        store(subject);
        assertThat(pending(subject)).hasSize(3);
        assertThat(heads(subject)).containsExactly(pending(subject).get(0));
    }

    @Test
    void aStoreThatWaitsForAnEndingHeadBecomesTheHead() throws Exception {
        store(subject);
        String head = oldestPending(subject);
        SqlConnection ending = pool.getConnection().await().atMost(Duration.ofSeconds(5));
        SqlConnection storing = pool.getConnection().await().atMost(Duration.ofSeconds(5));
        try {
            Transaction endTx = ending.begin().await().atMost(Duration.ofSeconds(5));
            SubjectQueues.lockToEnd(ending, List.of(endpoint)).await().atMost(Duration.ofSeconds(5));
            ending.preparedQuery("update webhook_message set status = 'FAILED' where id = $1").execute(Tuple.of(head))
                    .await().atMost(Duration.ofSeconds(5));
            SubjectQueues.promoteNext(ending, endpoint, subject).await().atMost(Duration.ofSeconds(5));

            Transaction storeTx = storing.begin().await().atMost(Duration.ofSeconds(5));
            CompletableFuture<Integer> stored = SubjectQueues.store(storing, messages(subject)).subscribeAsCompletionStage();
            Thread.sleep(300);
            assertThat(stored).as("the store waits for the ending head's transaction").isNotDone();

            endTx.commit().await().atMost(Duration.ofSeconds(5));
            assertThat(stored.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            storeTx.commit().await().atMost(Duration.ofSeconds(5));
        } finally {
            ending.close().await().indefinitely();
            storing.close().await().indefinitely();
        }
        assertThat(pending(subject)).hasSize(1);
        assertThat(heads(subject)).containsExactlyElementsOf(pending(subject));
    }

    @Test
    void anEndThatWaitsForAStoreHandsTheSubjectToTheStoredMessage() throws Exception {
        store(subject);
        String head = oldestPending(subject);
        SqlConnection storing = pool.getConnection().await().atMost(Duration.ofSeconds(5));
        try {
            Transaction storeTx = storing.begin().await().atMost(Duration.ofSeconds(5));
            SubjectQueues.store(storing, messages(subject)).await().atMost(Duration.ofSeconds(5));

            // the engine's own path for a success: a batch of the recorder, in a transaction of its own
            CompletableFuture<Void> delivered = recorder.record(head, endpoint, OffsetDateTime.now(ZoneOffset.UTC), 200, 5,
                    "ok").subscribeAsCompletionStage();
            Thread.sleep(300);
            assertThat(delivered).as("the end waits for the storing transaction").isNotDone();

            storeTx.commit().await().atMost(Duration.ofSeconds(5));
            delivered.get(5, TimeUnit.SECONDS);
        } finally {
            storing.close().await().indefinitely();
        }
        assertThat(TestSql.rows("select status from webhook_message where id = ?", head).get(0).get("status"))
                .isEqualTo("DELIVERED");
        assertThat(pending(subject)).hasSize(1);
        assertThat(heads(subject)).containsExactlyElementsOf(pending(subject));
    }

    @Test
    void aRedeliveredMessageQueuesBehindThePendingHeadAndLeadsWhenNothingIsPending() {
        store(subject, subject);
        List<String> both = pending(subject);
        TestSql.execute("update webhook_message set status = 'DELIVERED' where id = ?", both.get(0));
        SubjectQueues.promoteNext(pool, endpoint, subject).await().atMost(Duration.ofSeconds(5));
        assertThat(heads(subject)).containsExactly(both.get(1));

        int requeued = engine.requeue(endpoint, SubjectQueues.ONE_MESSAGE, both.get(0)).await().atMost(Duration.ofSeconds(5));
        assertThat(requeued).isEqualTo(1);
        assertThat(pending(subject)).containsExactlyInAnyOrderElementsOf(both);
        assertThat(heads(subject)).containsExactly(both.get(1));

        TestSql.execute("update webhook_message set status = 'DELIVERED' where endpoint_id = ?", endpoint);
        int replayed = engine.requeue(endpoint, SubjectQueues.CREATED_SINCE, OffsetDateTime.now(ZoneOffset.UTC).minusHours(1))
                .await().atMost(Duration.ofSeconds(5));
        assertThat(replayed).isEqualTo(2);
        assertThat(heads(subject)).containsExactly(both.get(0));
    }

    private void store(String... subjects) {
        pool.withTransaction(sql -> SubjectQueues.store(sql, messages(subjects))).await().atMost(Duration.ofSeconds(5));
    }

    private SubjectQueues.NewMessages messages(String... subjects) {
        SubjectQueues.NewMessages messages = new SubjectQueues.NewMessages();
        for (String about : subjects) {
            String event = "evt_" + UUID.randomUUID();
            messages.add(endpoint, event, "entitlement.updated", about, "{\"id\":\"" + event + "\"}", null, null);
        }
        return messages;
    }

    private List<String> pending(String about) {
        return ids("select id from webhook_message where endpoint_id = ? and subject = ? and status = 'PENDING' order by seq",
                about);
    }

    private String oldestPending(String about) {
        return pending(about).get(0);
    }

    private List<String> heads(String about) {
        return ids("select id from webhook_message where endpoint_id = ? and subject = ? and status = 'PENDING' and head "
                + "order by seq", about);
    }

    private List<String> ids(String sql, String about) {
        return TestSql.rows(sql, endpoint, about).stream().map((Map<String, Object> row) -> (String) row.get("id")).toList();
    }
}
