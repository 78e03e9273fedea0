package dev.mercato.order.transaction;

import static dev.mercato.order.transaction.OrderFixture.csnOf;
import static dev.mercato.order.transaction.OrderFixture.initialOrder;
import static dev.mercato.order.transaction.OrderFixture.json;
import static dev.mercato.order.transaction.OrderFixture.newPurchaseOrder;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.platform.security.Role;
import dev.mercato.testkit.OrganizationEvents;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestOrganization;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * Processing driven by orders.transactions: PENDING → PROCESSING → a final status, each step once; a transaction
 * whose processing never happened (its event lost while the processor was down) becomes STUCK and is retried
 * with its effect applied once.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionProcessingTest {

    private final OrderFixture fixture = new OrderFixture();

    @Inject
    KafkaClientService kafkaClients;
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
     * A copy of {@code sourceId} in {@code status}, last changed {@code ageSeconds} (an hour) ago and never
     * published: what a transaction looks like whose event the processor never got.
     */
    private static String copyUnprocessed(String sourceId, String status) {
        return copyUnprocessed(sourceId, status, 3600);
    }

    private static String copyUnprocessed(String sourceId, String status, int ageSeconds) {
        String id = "trx_copy" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        TestSql.execute("""
                insert into order_transaction
                select (jsonb_populate_record(null::order_transaction, to_jsonb(t) || jsonb_build_object(
                    'id', cast(? as text), 'status', cast(? as text), 'status_message', null, 'processed_at', null,
                    'updated_at', now() - make_interval(secs => ?), 'attempt', 1, 'version', 0))).*
                from order_transaction t where t.id = ?""", id, status, ageSeconds, sourceId);
        return id;
    }

    /**
     * Sends {@code snapshot} of transaction {@code id} again under a new event id, and waits until the processor
     * has handled it (its inbox row is committed with whatever the step changed).
     */
    private void resend(String id, ConsumerRecord<String, String> snapshot) {
        String eventId = UUID.randomUUID().toString();
        TestKafka.send("orders.transactions", id, snapshot.value(), TestKafka.cloudEventHeaders(
                eventId, "mercato.orders.transaction.changed.v1", id));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.number(
                "select count(*) from processed_event where event_id = ?", eventId) == 1);
    }

    private static long contractsOf(TestOrganization customer) {
        return TestSql.number("select count(*) from contract where customer_id = ?", customer.id());
    }

    @Test
    void passesOverTheSnapshotOfAFinishedTransactionWithoutAnInboxRow() {
        String id = placeInitial();
        awaitStatus(id, "PROCESSED");
        assertThat(publishedStatuses(id, 3)).containsExactly("PENDING", "PROCESSING", "PROCESSED");
        Map<String, ConsumerRecord<String, String>> snapshots = TestKafka.readAll("orders.transactions", Duration.ofSeconds(1))
                .stream().filter(record -> id.equals(record.key()))
                .collect(Collectors.toMap(record -> record.value().replaceAll(".*\"status\":\"([A-Z]+)\".*", "$1"),
                        record -> record));

        // One key, one partition: once a PENDING snapshot sent after them has its inbox row, the three were handled.
        resend(id, snapshots.get("PENDING"));
        assertThat(inboxRows(snapshots.get("PENDING"))).isEqualTo(1);
        // This instance finished the attempt right after starting it: its PROCESSING snapshot needed no step either.
        assertThat(inboxRows(snapshots.get("PROCESSING"))).isZero();
        assertThat(inboxRows(snapshots.get("PROCESSED"))).isZero();
        assertThat(status(id)).isEqualTo("PROCESSED");
    }

    @Test
    void finishesATransactionLeftProcessingElsewhereWhenItsProcessingSnapshotArrives() {
        String source = placeInitial();
        awaitStatus(source, "PROCESSED");
        ConsumerRecord<String, String> processing = TestKafka.awaitRecord("orders.transactions",
                record -> source.equals(record.key()) && record.value().contains("\"PROCESSING\""), Duration.ofSeconds(30));
        // A transaction another instance started and died before finishing: not one this instance finished.
        String id = copyUnprocessed(source, "PROCESSING", 0);
        resend(id, new ConsumerRecord<>(processing.topic(), processing.partition(), processing.offset(), id,
                processing.value().replace(source, id)));
        awaitStatus(id, "PROCESSED");
    }

    private static long inboxRows(ConsumerRecord<String, String> snapshot) {
        String eventId = new String(snapshot.headers().lastHeader("ce_id").value(), java.nio.charset.StandardCharsets.UTF_8);
        return TestSql.number("select count(*) from processed_event where consumer = ? and event_id = ?",
                TransactionEventsConsumer.CONSUMER, eventId);
    }

    @Test
    void processesAnInitialOrderIntoAContractWithASubscriptionPerItem() {
        String id = placeInitial();
        awaitStatus(id, "PROCESSED");
        assertThat(publishedStatuses(id, 3)).containsExactly("PENDING", "PROCESSING", "PROCESSED");

        String contractNumber = given().auth().oauth2(token()).get("/api/v1/transactions/" + id).then().statusCode(200)
                .body("data.status", equalTo("PROCESSED"))
                .body("data.statusMessage", nullValue())
                .body("data.processedAt", notNullValue())
                .body("data.contractNumber", matchesPattern("[0-9]{12}"))
                .body("data.items[0].serialNumber", matchesPattern("[0-9]{3}-[0-9]{8}"))
                .extract().path("data.contractNumber");
        String serial = given().auth().oauth2(token()).get("/api/v1/transactions/" + id).then()
                .extract().path("data.items[0].serialNumber");
        assertThat(TestSql.rows("select customer_id, contract_start_date, contract_end_date, contract_term from contract "
                + "where contract_number = ?", contractNumber)).containsExactly(Map.of("customer_id", fixture.tenant.id(),
                        "contract_start_date", java.sql.Date.valueOf("2026-12-01"),
                        "contract_end_date", java.sql.Date.valueOf("2027-11-30"), "contract_term", 12));
        assertThat(TestSql.rows("select contract_number, renewal_sku, quantity, pack_size, seats from subscription "
                + "where serial_number = ?", serial)).containsExactly(Map.of("contract_number", contractNumber,
                        "renewal_sku", fixture.sku, "quantity", 2, "pack_size", 5, "seats", 10));
    }

    @Test
    void rejectsAnOrderWhoseCustomerWasSuspendedBeforeProcessingWithTheReason() {
        String source = placeInitial();
        awaitStatus(source, "PROCESSED");
        TestOrganization suspended = fixture.partner.child("TENANT");
        OrganizationEvents.send(suspended, "Suspended Oy", "FI", 0);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.number("select count(*) from account where id = ?", suspended.id()) == 1);
        TestSql.execute("update account set status = 'SUSPENDED' where id = ?", suspended.id());
        String id = copyUnprocessed(source, "PENDING", 0);
        TestSql.execute("update order_transaction set customer_id = ?, customer_csn = ?, "
                + "contract_number = null where id = ?", suspended.id(), csnOf(suspended), id);

        TestKafka.send("orders.transactions", id, "{\"id\": \"" + id + "\", \"status\": \"PENDING\", \"attempt\": 1}",
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), "mercato.orders.transaction.changed.v1", id));

        awaitStatus(id, "REJECTED");
        given().auth().oauth2(token()).get("/api/v1/transactions/" + id).then().statusCode(200)
                .body("data.statusMessage", equalTo("customer " + csnOf(suspended)
                        + " is SUSPENDED; a contract needs an ACTIVE customer"));
        assertThat(contractsOf(suspended)).isZero();
    }

    @Test
    void marksATransactionStuckThatWasNeverProcessedAndRetriesIt() {
        String source = placeInitial();
        awaitStatus(source, "PROCESSED");
        String id = copyUnprocessed(source, "PENDING");
        TestSql.execute("update order_transaction set contract_number = null where id = ?", id);
        long contractsBefore = contractsOf(fixture.tenant);

        awaitStatus(id, "STUCK");
        given().auth().oauth2(token()).get("/api/v1/transactions/" + id).then().statusCode(200)
                .body("data.statusMessage", equalTo("Not finished within PT10S; retry it with POST /api/v1/transactions/"
                        + id + "/retry"));
        TestKafka.awaitRecord("orders.transactions", record -> id.equals(record.key())
                && record.value().contains("\"STUCK\""), Duration.ofSeconds(30));

        given().auth().oauth2(token()).post("/api/v1/transactions/" + id + "/retry").then().statusCode(202)
                .body("data.status", equalTo("PENDING"));
        awaitStatus(id, "PROCESSED");
        assertThat(TestSql.number("select attempt from order_transaction where id = ?", id)).isEqualTo(2);
        assertThat(contractsOf(fixture.tenant)).isEqualTo(contractsBefore + 1);
        given().auth().oauth2(token()).post("/api/v1/transactions/" + id + "/retry").then().statusCode(409)
                .body("message", equalTo("transaction " + id + " is PROCESSED; only a STUCK transaction can be retried"));

        // The retried attempt's PENDING snapshot once more, under a new event id: no second contract.
        ConsumerRecord<String, String> pending = TestKafka.awaitRecord("orders.transactions", record -> id.equals(record.key())
                && record.value().contains("\"PENDING\"") && record.value().contains("\"attempt\":2"), Duration.ofSeconds(30));
        resend(id, pending);
        assertThat(contractsOf(fixture.tenant)).isEqualTo(contractsBefore + 1);
        assertThat(status(id)).isEqualTo("PROCESSED");
    }

    @Test
    void aTransactionPlacedWhileTheProcessorIsStoppedBecomesStuckAndIsProcessedOnceWhenRetried() {
        long contractsBefore = contractsOf(fixture.tenant);
        List<KafkaConsumer<Object, Object>> processors = kafkaClients.getConsumerChannels().stream()
                .filter(channel -> channel.startsWith("orders-transactions"))
                .flatMap(channel -> kafkaClients.<Object, Object>getConsumers(channel).stream()).toList();
        assertThat(processors).hasSize(3); // the channel's concurrency
        processors.forEach(processor -> processor.pause().await().atMost(Duration.ofSeconds(10)));
        String id;
        try {
            id = placeInitial();
            awaitStatus(id, "STUCK");
            assertThat(contractsOf(fixture.tenant)).isEqualTo(contractsBefore);
        } finally {
            processors.forEach(processor -> processor.resume().await().atMost(Duration.ofSeconds(10)));
        }

        // The processor is back and receives the PENDING snapshot it missed: the transaction is STUCK, so nothing
        // happens until it is retried, and then it happens once.
        given().auth().oauth2(token()).post("/api/v1/transactions/" + id + "/retry").then().statusCode(202);
        awaitStatus(id, "PROCESSED");
        assertThat(publishedStatuses(id, 5)).containsExactly("PENDING", "STUCK", "PENDING", "PROCESSING", "PROCESSED");
        assertThat(contractsOf(fixture.tenant)).isEqualTo(contractsBefore + 1);
    }

    @Test
    void marksATransactionStuckInProcessing() {
        String source = placeInitial();
        awaitStatus(source, "PROCESSED");
        String id = copyUnprocessed(source, "PROCESSING");
        awaitStatus(id, "STUCK");
    }

    @Test
    void ignoresAStepRedeliveredAfterItWasTaken() {
        String id = placeInitial();
        awaitStatus(id, "PROCESSED");
        long version = TestSql.number("select version from order_transaction where id = ?", id);
        ConsumerRecord<String, String> pending = TestKafka.awaitRecord("orders.transactions",
                record -> id.equals(record.key()) && record.value().contains("\"PENDING\""), Duration.ofSeconds(30));
        // The same snapshot again under a new event id: the inbox cannot tell, the stored status can.
        resend(id, pending);
        assertThat(TestSql.number("select version from order_transaction where id = ?", id)).isEqualTo(version);
        assertThat(status(id)).isEqualTo("PROCESSED");
    }
}
