package dev.mercato.metering.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.mercato.metering.UsageWorld;
import dev.mercato.platform.events.MeteringReportV1;
import dev.mercato.platform.security.Role;
import dev.mercato.platform.security.Scopes;
import dev.mercato.testkit.AuthorizationMatrix;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestSql;
import dev.mercato.testkit.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

/** Usage reports as metering.reports tells them, listed with their outcome to whom they concern. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsageReportTest {

    @Inject
    ReportConsumer consumer;

    private UsageWorld world;
    private String confirmed;
    private String failed;

    @BeforeAll
    void reports() {
        world = new UsageWorld();
        confirmed = "rpt_" + UUID.randomUUID();
        failed = "rpt_" + UUID.randomUUID();
        publish(confirmed, MeteringReportV1.CONFIRMED, "CONFIRMED", "[]", "2026-04-01T10:00:00Z");
        String rejected = """
                [{"index": 1, "eventId": "e-2", "customerId": "%s", "dimension": "api_calls", "reason": "quantity has more decimals than the dimension allows"}]"""
                .formatted(world.tenant.id());
        publish(failed, MeteringReportV1.FAILED, "FAILED", rejected, "2026-04-02T10:00:00Z");
        publish(failed, MeteringReportV1.FAILED, "FAILED", rejected, "2026-04-02T10:00:00Z"); // a repeat changes nothing
        // The same report published again as another event (a client's retry after a 503): still one row, the first.
        publish("evt-retry-" + failed, failed, MeteringReportV1.FAILED, "FAILED", "[]", "2026-04-03T10:00:00Z");
        // A marker under the same key, so on the same partition: once it is stored, the retry before it was handled.
        String marker = "rpt_" + UUID.randomUUID();
        publish(failed, "evt-" + marker, marker, MeteringReportV1.CONFIRMED, "CONFIRMED", "[]", "2026-04-04T10:00:00Z");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.number(
                "select count(*) from usage_report where id in (?, ?, ?)", confirmed, failed, marker) == 3);
        // The report's own key recognised the repeats: no inbox rows are kept for them.
        assertThat(TestSql.number("select count(*) from processed_event where consumer = 'metering-service.reports'")).isZero();
    }

    private void publish(String id, String type, String status, String rejected, String receivedAt) {
        publish("evt-" + id, id, type, status, rejected, receivedAt);
    }

    private void publish(String eventId, String id, String type, String status, String rejected, String receivedAt) {
        publish(id, eventId, id, type, status, rejected, receivedAt);
    }

    private void publish(String key, String eventId, String id, String type, String status, String rejected,
            String receivedAt) {
        publish(key, eventId, id, type, status, rejected, receivedAt, "lst_reports");
    }

    private void publish(String key, String eventId, String id, String type, String status, String rejected,
            String receivedAt, String listingId) {
        publish(key, eventId, id, type, status, 2, rejected, receivedAt, listingId);
    }

    private void publish(String key, String eventId, String id, String type, String status, int accepted,
            String rejected, String receivedAt, String listingId) {
        String body = """
                {"id": "%s", "shape": "metering", "vendorId": "%s", "listingId": "%s", "customerId": "%s",
                 "status": "%s", "accepted": %d, "rejected": %s, "receivedAt": "%s"}"""
                .formatted(id, world.vendor.id(), listingId, world.tenant.id(), status, accepted, rejected, receivedAt);
        TestKafka.send("metering.reports", key, body, TestKafka.cloudEventHeaders(eventId, type, id));
    }

    @Test
    void listsReportsWithTheirOutcomeAndFilters() {
        String admin = TestTokens.forRole(Role.VENDOR_ADMIN, world.vendor);
        given().auth().oauth2(admin).get("/api/v1/metering/" + failed).then().statusCode(200)
                .body("data.status", equalTo("FAILED"))
                .body("data.accepted", equalTo(2))
                .body("data.rejected", equalTo(1))
                .body("data.rejections[0].reason", equalTo("quantity has more decimals than the dimension allows"));
        given().auth().oauth2(admin).get("/api/v1/metering?status=FAILED&customer=" + world.tenant.id()).then().statusCode(200)
                .body("data.id", hasItem(failed)).body("data.id", not(hasItem(confirmed)))
                .body("pagination.total", equalTo(1));
        given().auth().oauth2(admin).get("/api/v1/metering?from=2026-04-01T00:00:00Z&to=2026-04-02T00:00:00Z&listing=lst_reports")
                .then().statusCode(200).body("data.id", hasItem(confirmed)).body("data.id", not(hasItem(failed)));
        given().auth().oauth2(admin).get("/api/v1/metering?sort=receivedAt&listingId=lst_reports&customerId=" + world.tenant.id())
                .then().statusCode(200).body("data[0].id", equalTo(confirmed)).body("data[1].id", equalTo(failed));
        given().auth().oauth2(admin).get("/api/v1/metering?statu=FAILED").then().statusCode(400);
        given().auth().oauth2(admin).get("/api/v1/metering?from=soon").then().statusCode(400);
        given().auth().oauth2(admin).get("/api/v1/metering?limit=1000").then().statusCode(400);
    }

    @Test
    void keepsAReportWhoseCustomerIdIsLongerThanAnyIdWithoutThatId() {
        String id = "rpt_" + UUID.randomUUID();
        String body = """
                {"id": "%s", "shape": "metering-event", "vendorId": "%s", "listingId": "lst_reports_long", "customerId": "%s",
                 "status": "FAILED", "accepted": 0, "rejected": [], "receivedAt": "2026-04-04T10:00:00Z"}"""
                .formatted(id, world.vendor.id(), "c".repeat(100));
        TestKafka.send("metering.reports", id, body, TestKafka.cloudEventHeaders("evt-" + id, MeteringReportV1.FAILED, id));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.number(
                "select count(*) from usage_report where id = ? and customer_id is null and vendor_id = ?", id,
                world.vendor.id()) == 1);
    }

    @Test
    void sendsAReportThatCannotBeStoredToTheDeadLetterTopicAndStoresTheOnesAfterIt() {
        String key = "rpt_" + UUID.randomUUID(); // one key: one partition, so the valid report comes after the others
        TestKafka.send("metering.reports", key, "not json", TestKafka.cloudEventHeaders("evt-a-" + key, MeteringReportV1.CONFIRMED, key));
        publish(key, "evt-b-" + key, "rpt_nul_" + key, MeteringReportV1.CONFIRMED, "CONFIRMED", "[]", "2026-04-05T10:00:00Z",
                "lst_\\u0000");
        TestKafka.send("metering.reports", key, """
                {"id": "rpt_no_time_%s", "shape": "metering", "status": "CONFIRMED", "accepted": 1, "rejected": []}"""
                .formatted(key), TestKafka.cloudEventHeaders("evt-c-" + key, MeteringReportV1.CONFIRMED, key));
        // A record of another type is passed over: neither stored nor dead-lettered.
        publish(key, "evt-d-" + key, "rpt_other_" + key, "mercato.metering.something-else.v1", "CONFIRMED", "[]",
                "2026-04-05T10:00:00Z", "lst_reports");
        publish(key, "evt-e-" + key, key, MeteringReportV1.CONFIRMED, "CONFIRMED", "[]", "2026-04-05T10:00:00Z", "lst_reports");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.number("select count(*) from usage_report where id = ?", key) == 1);

        List<String> reasons = TestKafka.readAll("metering.dead-letter", Duration.ofSeconds(5)).stream()
                .filter(letter -> key.equals(letter.key()))
                .map(letter -> new String(letter.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .toList();
        assertThat(reasons).hasSize(3);
        assertThat(reasons.get(0)).contains("is not a usage report");
        assertThat(reasons.get(1)).contains("NUL character");
        assertThat(reasons.get(2)).contains("lacks a report id, shape, status or receivedAt");
        assertThat(TestSql.number("select count(*) from usage_report where id in (?, ?, ?)", "rpt_nul_" + key,
                "rpt_no_time_" + key, "rpt_other_" + key)).isZero();
    }

    @Test
    void showsTheReceiptOfAFailedReportThatAcceptedMostWhetherTheReceiptsComeInOneBatchOrInSeveral() {
        String rejection = """
                [{"index": 0, "eventId": "e-1", "customerId": "%s", "dimension": "api_calls", "reason": "customerId is required"}]"""
                .formatted(world.tenant.id());
        // Several batches: each receipt is stored before the next is published.
        String apart = "rpt_" + UUID.randomUUID();
        receipt(apart, 1, "FAILED", 1, rejection, "2026-04-07T10:00:00Z");
        awaitReceipt(apart, "2026-04-07T10:00:00Z");
        receipt(apart, 2, "FAILED", 1, rejection, "2026-04-07T10:00:01Z"); // accepted no more: the first stays
        receipt(apart, 3, "CONFIRMED", 2, "[]", "2026-04-07T10:00:02Z"); // the corrected retry takes its place
        awaitReceipt(apart, "2026-04-07T10:00:02Z");
        receipt(apart, 4, "FAILED", 3, rejection, "2026-04-07T10:00:03Z"); // a CONFIRMED report stays
        String marker = "rpt_" + UUID.randomUUID();
        publish(apart, "evt-" + marker, marker, MeteringReportV1.CONFIRMED, "CONFIRMED", "[]", "2026-04-07T10:00:04Z");
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.number("select count(*) from usage_report where id = ?",
                marker) == 1);
        awaitReceipt(apart, "2026-04-07T10:00:02Z");

        // One batch: the same receipts while the consumer is stopped, read in one poll.
        String together = "rpt_" + UUID.randomUUID();
        consumer.stop();
        try {
            receipt(together, 1, "FAILED", 1, rejection, "2026-04-08T10:00:00Z");
            receipt(together, 2, "FAILED", 1, rejection, "2026-04-08T10:00:01Z");
            receipt(together, 3, "CONFIRMED", 2, "[]", "2026-04-08T10:00:02Z");
            receipt(together, 4, "FAILED", 3, rejection, "2026-04-08T10:00:03Z");
        } finally {
            consumer.start();
        }
        awaitReceipt(together, "2026-04-08T10:00:02Z");
        String admin = TestTokens.forRole(Role.VENDOR_ADMIN, world.vendor);
        given().auth().oauth2(admin).get("/api/v1/metering/" + together).then().statusCode(200)
                .body("data.status", equalTo("CONFIRMED")).body("data.accepted", equalTo(2)).body("data.rejected", equalTo(0));
    }

    /** Receipt {@code n} of report {@code id}, as ingestion publishes each request that carries it. */
    private void receipt(String id, int n, String status, int accepted, String rejected, String receivedAt) {
        String type = "CONFIRMED".equals(status) ? MeteringReportV1.CONFIRMED : MeteringReportV1.FAILED;
        publish(id, "evt-" + n + "-" + id, id, type, status, accepted, rejected, receivedAt, "lst_receipts");
    }

    private void awaitReceipt(String id, String receivedAt) {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.number(
                "select count(*) from usage_report where id = ? and received_at = ?::timestamptz", id, receivedAt) == 1);
    }

    @Test
    void storesWhatArrivedWhileItWasStoppedOnceAfterItStartsAgain() {
        String first = "rpt_" + UUID.randomUUID();
        String second = "rpt_" + UUID.randomUUID();
        consumer.stop();
        try {
            publish(first, MeteringReportV1.CONFIRMED, "CONFIRMED", "[]", "2026-04-06T10:00:00Z");
            publish("evt-retry-" + first, first, MeteringReportV1.CONFIRMED, "CONFIRMED", "[]", "2026-04-06T10:00:05Z");
            publish(second, MeteringReportV1.FAILED, "FAILED", "[]", "2026-04-06T10:01:00Z");
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> TestSql.number(
                    "select count(*) from usage_report where id in (?, ?)", first, second) == 0);
        } finally {
            consumer.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSql.number(
                "select count(*) from usage_report where id in (?, ?)", first, second) == 2);
        // the retry, published after the first, changed nothing
        assertThat(TestSql.number("select count(*) from usage_report where id = ? and received_at = '2026-04-06T10:00:00Z'",
                first)).isOne();
    }

    @Test
    void showsAReportToItsCustomerItsVendorAndThoseAbove() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/metering/" + failed)
                .requiring(Scopes.READ_METERING)
                .exposing(failed, world.tenant.path())
                .alsoSeenAt(world.vendor.path()))
                .verify();
    }

    @Test
    void listsAReportOnlyToThoseWhoSeeIt() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/metering?limit=100&listingId=lst_reports")
                .requiring(Scopes.READ_METERING)
                .exposing(confirmed, world.tenant.path())
                .alsoSeenAt(world.vendor.path())
                .hiddenWith(200))
                .verify();
    }

    @Test
    void exportsAReportOnlyToThoseWhoSeeIt() {
        world.fromEveryone(AuthorizationMatrix.get("/api/v1/metering/-dump")
                .requiring(Scopes.READ_METERING)
                .exposing(confirmed, world.tenant.path())
                .alsoSeenAt(world.vendor.path())
                .hiddenWith(200))
                .verify();
    }
}
