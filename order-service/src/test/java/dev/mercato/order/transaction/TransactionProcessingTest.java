package dev.mercato.order.transaction;

import static dev.mercato.order.transaction.OrderFixture.csnOf;
import static dev.mercato.order.transaction.OrderFixture.initialOrder;
import static dev.mercato.order.transaction.OrderFixture.json;
import static dev.mercato.order.transaction.OrderFixture.newPurchaseOrder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.platform.security.Role;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Processing driven by orders.transactions: PENDING → PROCESSING → a final status, each step once; a transaction
 * whose processing never happened (its event lost while the processor was down) becomes STUCK and is retried
 * with its effect applied once.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionProcessingTest {

    private final OrderFixture fixture = new OrderFixture();
    private String csn;

    @BeforeAll
    void publish() {
        fixture.publish();
        csn = csnOf(fixture.tenant);
    }

    private String token() {
        return TestTokens.forRole(Role.PARTNER_ADMIN, fixture.partner);
    }

    private String placeInitial() {
        return given().auth().oauth2(token()).contentType("application/json").queryParam("type", "INITIAL")
                .body(json(initialOrder(csn, newPurchaseOrder(), fixture.sku, 2, 94)))
                .post("/api/v1/transactions").then().statusCode(202).extract().path("data.id");
    }

    private static String status(String id) {
        return (String) TestSql.rows("select status from order_transaction where id = ?", id).get(0).get("status");
    }

    private static void awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(status(id)));
    }

    /** The statuses published for a transaction, in order. */
    private static List<String> publishedStatuses(String id, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestKafka.readAll("orders.transactions", Duration.ofSeconds(1))
                .stream().filter(record -> id.equals(record.key())).count() >= count);
        return TestKafka.readAll("orders.transactions", Duration.ofSeconds(1)).stream()
                .filter(record -> id.equals(record.key()))
                .map(record -> record.value().replaceAll(".*\"status\":\"([A-Z]+)\".*", "$1"))
                .collect(Collectors.toList());
    }

    /**
     * A copy of {@code sourceId} in {@code status}, last changed an hour ago and never published: what a
     * transaction looks like whose event the processor never got.
     */
    private static String copyUnprocessed(String sourceId, String status) {
        String id = "trx_copy" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        TestSql.execute("""
                insert into order_transaction
                select (jsonb_populate_record(null::order_transaction, to_jsonb(t) || jsonb_build_object(
                    'id', cast(? as text), 'status', cast(? as text), 'status_message', null, 'processed_at', null,
                    'updated_at', now() - interval '1 hour', 'attempt', 1, 'version', 0))).*
                from order_transaction t where t.id = ?""", id, status, sourceId);
        return id;
    }

    @Test
    void processesAnInitialOrderThroughEachStatusOnce() {
        String id = placeInitial();
        awaitStatus(id, "REJECTED");
        assertThat(publishedStatuses(id, 3)).containsExactly("PENDING", "PROCESSING", "REJECTED");
        given().auth().oauth2(token()).get("/api/v1/transactions/" + id).then().statusCode(200)
                .body("data.status", equalTo("REJECTED"))
                .body("data.statusMessage", equalTo("INITIAL orders are not supported yet"));
    }

    @Test
    void marksATransactionStuckThatWasNeverProcessedAndRetriesIt() {
        String source = placeInitial();
        awaitStatus(source, "REJECTED");
        String id = copyUnprocessed(source, "PENDING");

        awaitStatus(id, "STUCK");
        given().auth().oauth2(token()).get("/api/v1/transactions/" + id).then().statusCode(200)
                .body("data.statusMessage", equalTo("Not finished within PT10S; retry it with POST /api/v1/transactions/"
                        + id + "/retry"));
        TestKafka.awaitRecord("orders.transactions", record -> id.equals(record.key())
                && record.value().contains("\"STUCK\""), Duration.ofSeconds(30));

        given().auth().oauth2(token()).post("/api/v1/transactions/" + id + "/retry").then().statusCode(202)
                .body("data.status", equalTo("PENDING"));
        awaitStatus(id, "REJECTED");
        assertThat(TestSql.number("select attempt from order_transaction where id = ?", id)).isEqualTo(2);
        given().auth().oauth2(token()).post("/api/v1/transactions/" + id + "/retry").then().statusCode(409)
                .body("message", equalTo("transaction " + id + " is REJECTED; only a STUCK transaction can be retried"));
    }

    @Test
    void marksATransactionStuckInProcessing() {
        String source = placeInitial();
        awaitStatus(source, "REJECTED");
        String id = copyUnprocessed(source, "PROCESSING");
        awaitStatus(id, "STUCK");
    }

    @Test
    void ignoresAStepRedeliveredAfterItWasTaken() {
        String id = placeInitial();
        awaitStatus(id, "REJECTED");
        long version = TestSql.number("select version from order_transaction where id = ?", id);
        ConsumerRecord<String, String> pending = TestKafka.awaitRecord("orders.transactions",
                record -> id.equals(record.key()) && record.value().contains("\"PENDING\""), Duration.ofSeconds(30));
        // The same snapshot again under a new event id: the inbox cannot tell, the stored status can.
        TestKafka.send("orders.transactions", id, pending.value(), TestKafka.cloudEventHeaders(
                UUID.randomUUID().toString(), "mercato.orders.transaction.changed.v1", id));
        String marker = placeInitial();
        awaitStatus(marker, "REJECTED");
        assertThat(TestSql.number("select version from order_transaction where id = ?", id)).isEqualTo(version);
        assertThat(status(id)).isEqualTo("REJECTED");
    }
}
