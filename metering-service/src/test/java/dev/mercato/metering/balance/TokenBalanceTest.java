package dev.mercato.metering.balance;

import static dev.mercato.metering.balance.TokenFixtures.newOrganizationId;
import static dev.mercato.metering.balance.TokenFixtures.publishArticle;
import static dev.mercato.metering.balance.TokenFixtures.publishTransaction;
import static dev.mercato.metering.balance.TokenFixtures.transaction;
import static dev.mercato.metering.balance.TokenFixtures.usage;
import static dev.mercato.testkit.TestKafka.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.mercato.platform.events.Topics;
import dev.mercato.platform.events.TokenBalanceV1;
import dev.mercato.platform.events.UsageEventV1;
import dev.mercato.platform.id.Ids;
import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;

/** Prepaid tokens: credited from processed orders, drawn by usage, each exactly once, and the low notice. */
@QuarkusTest
class TokenBalanceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    static BigDecimal column(String customer, String vendor, String column) {
        List<Map<String, Object>> rows = TestSql.rows("select " + column + " from token_balance where customer_id = ? and vendor_id = ?",
                customer, vendor);
        return rows.isEmpty() ? null : (BigDecimal) rows.get(0).get(column);
    }

    static void awaitColumn(String customer, String vendor, String column, String expected) {
        await().atMost(PATIENCE).until(() -> {
            BigDecimal value = column(customer, vendor, column);
            return value != null && value.compareTo(new BigDecimal(expected)) == 0;
        });
    }

    /** Waits for {@code expected} {@code balance.low} notices of {@code customer} on Kafka, and checks no more came. */
    static void assertLowNotices(String customer, int expected) {
        await().atMost(PATIENCE).until(() -> published(customer, TokenBalanceV1.LOW) >= expected);
        assertThat(published(customer, TokenBalanceV1.LOW)).isEqualTo(expected);
    }

    /** The events of {@code type} on {@code metering.balances} for {@code customer}. */
    static long published(String customer, String type) {
        return TestKafka.events(Topics.METERING_BALANCES, r -> customer.equals(r.key()) && type.equals(header(r, "ce_type")),
                Duration.ofSeconds(2)).size();
    }

    static void awaitCounted(UsageEventV1 event) {
        await().atMost(PATIENCE).until(() -> TestSql.number(
                "select coalesce(sum(event_count), 0) from usage_aggregate where customer_id = ?", event.customerId()) > 0);
    }

    @Test
    void creditsTheTokensOfAProcessedOrderOnceWhateverIsRedelivered() throws Exception {
        String customer = newOrganizationId(), vendor = newOrganizationId();
        String article = publishArticle(vendor, "1000");
        String notTokens = publishArticle(vendor, "null");
        String transactionId = Ids.next("txn");
        String pendingEvent = UUID.randomUUID().toString();
        publishTransaction(transactionId, transaction(transactionId, customer, "PENDING", article, 2), pendingEvent);
        String processed = transaction(transactionId, customer, "PROCESSED", article, 2);
        String eventId = UUID.randomUUID().toString();
        publishTransaction(transactionId, processed, eventId);

        awaitColumn(customer, vendor, "purchased", "2000");
        // the same event again (redelivery), and the same state published again under a new event id
        publishTransaction(transactionId, processed, eventId);
        String republished = UUID.randomUUID().toString();
        publishTransaction(transactionId, processed, republished);
        // an order of an article that is not a token pack credits nothing
        String other = Ids.next("txn");
        publishTransaction(other, transaction(other, customer, "PROCESSED", notTokens, 5), UUID.randomUUID().toString());
        await().atMost(PATIENCE).until(() -> TestSql.number(
                "select count(*) from token_credit where transaction_id = ? and state = 'NOT_TOKENS'", other) == 1);
        // one key, one partition: once the last is processed, the repeats before it were too
        await().atMost(PATIENCE).until(() -> TestSql.number(
                "select count(*) from processed_event where consumer = ? and event_id = ?",
                TokenPurchaseConsumers.TRANSACTIONS, republished) == 1);
        assertThat(column(customer, vendor, "purchased")).isEqualByComparingTo("2000");
        // a snapshot that credits nothing passes without a database transaction, so without an inbox row
        assertThat(TestSql.number("select count(*) from processed_event where consumer = ? and event_id = ?",
                TokenPurchaseConsumers.TRANSACTIONS, pendingEvent)).isZero();

        ConsumerRecord<String, String> credited = TestKafka.awaitRecord(Topics.METERING_BALANCES,
                r -> customer.equals(r.key()), PATIENCE);
        JsonNode notice = TokenFixtures.JSON.readTree(credited.value());
        assertThat(notice.path("transactionId").asText()).isEqualTo(transactionId);
        assertThat(notice.path("credited").decimalValue()).isEqualByComparingTo("2000");
        assertThat(notice.path("balance").decimalValue()).isEqualByComparingTo("2000");
        assertThat(published(customer, TokenBalanceV1.CREDITED)).isEqualTo(1);
    }

    @Test
    void creditsAnOrderThatArrivesBeforeItsArticle() {
        String customer = newOrganizationId(), vendor = newOrganizationId();
        String article = Ids.next("art");
        String transactionId = Ids.next("txn");
        publishTransaction(transactionId, transaction(transactionId, customer, "PROCESSED", article, 3),
                UUID.randomUUID().toString());
        await().atMost(PATIENCE).until(() -> TestSql.number(
                "select count(*) from token_credit where transaction_id = ? and state = 'PENDING'", transactionId) == 1);

        publishArticle(article, vendor, "250.5", 1);
        awaitColumn(customer, vendor, "purchased", "751.5");
        // a later snapshot of the article does not credit the order again
        publishArticle(article, vendor, "999", 2);
        await().atMost(PATIENCE).until(() -> TestSql.number(
                "select count(*) from token_article where article_id = ? and tokens = 999", article) == 1);
        assertThat(column(customer, vendor, "purchased")).isEqualByComparingTo("751.5");
    }

    @Test
    void sendsAnArticleWithTokensAtOrBelowZeroToTheDeadLetterTopicAndCreditsNothing() {
        String customer = newOrganizationId(), vendor = newOrganizationId();
        String article = Ids.next("art");
        publishArticle(article, vendor, "-5", 1);
        ConsumerRecord<String, String> dead = TestKafka.awaitRecord("metering.dead-letter", r -> article.equals(r.key()),
                PATIENCE);
        assertThat(header(dead, "dead-letter-topic")).isEqualTo(Topics.CATALOG_ARTICLES);
        String order = Ids.next("txn");
        publishTransaction(order, transaction(order, customer, "PROCESSED", article, 1), UUID.randomUUID().toString());
        await().atMost(PATIENCE).until(() -> TestSql.number(
                "select count(*) from token_credit where transaction_id = ? and state = 'PENDING'", order) == 1);
        assertThat(TestSql.number("select count(*) from token_article where article_id = ?", article)).isZero();
        assertThat(column(customer, vendor, "purchased")).isNull();
    }

    @Test
    void creditsOrdersWhoseArticlesArriveAtTheSameMoment() {
        String customer = newOrganizationId(), vendor = newOrganizationId();
        for (int i = 0; i < 20; i++) {
            String article = Ids.next("art");
            String order = Ids.next("txn");
            publishArticle(article, vendor, "10", 1);
            publishTransaction(order, transaction(order, customer, "PROCESSED", article, 1), UUID.randomUUID().toString());
        }
        awaitColumn(customer, vendor, "purchased", "200");
        assertThat(TestSql.number("select count(*) from token_credit where customer_id = ? and state = 'CREDITED'", customer))
                .isEqualTo(20);
    }

    @Test
    void drawsUsageDownAtTheTokenRateOnceAcrossRedelivery() {
        String customer = newOrganizationId(), vendor = newOrganizationId();
        UsageEventV1 first = usage(customer, vendor, "4", "2.5", Instant.now().minusSeconds(120));
        UsageEventV1 second = usage(customer, vendor, "0.5", "3", Instant.now().minusSeconds(60));
        TokenFixtures.send(first);
        TokenFixtures.send(second);
        awaitColumn(customer, vendor, "consumed", "11.5");

        TokenFixtures.send(first);
        TokenFixtures.send(second);
        UsageEventV1 marker = usage(customer, vendor, "1", "1", Instant.now());
        TokenFixtures.send(marker);
        // the marker after the repeats: once it is drawn, the repeats were read and skipped
        awaitColumn(customer, vendor, "consumed", "12.5");
        assertThat(column(customer, vendor, "purchased")).isEqualByComparingTo("0");
        assertThat(TestSql.number("select count(*) from token_consumption where customer_id = ?", customer)).isEqualTo(1);
    }

    @Test
    void publishesBalanceLowOnceWhenCrossedAndAgainOnlyAfterAReplenishment() {
        String customer = newOrganizationId(), vendor = newOrganizationId();
        String article = publishArticle(vendor, "150");
        String order = Ids.next("txn");
        publishTransaction(order, transaction(order, customer, "PROCESSED", article, 1), UUID.randomUUID().toString());
        awaitColumn(customer, vendor, "purchased", "150");

        TokenFixtures.send(usage(customer, vendor, "40", "1", Instant.now()));
        awaitColumn(customer, vendor, "consumed", "40");
        assertLowNotices(customer, 0);

        TokenFixtures.send(usage(customer, vendor, "20", "1", Instant.now()));
        awaitColumn(customer, vendor, "consumed", "60");
        assertLowNotices(customer, 1);
        TokenFixtures.send(usage(customer, vendor, "100", "1", Instant.now()));
        awaitColumn(customer, vendor, "consumed", "160");
        assertLowNotices(customer, 1);

        String again = Ids.next("txn");
        publishTransaction(again, transaction(again, customer, "PROCESSED", article, 2), UUID.randomUUID().toString());
        awaitColumn(customer, vendor, "purchased", "450");
        await().atMost(PATIENCE).until(() -> TestSql.number(
                "select count(*) from token_balance where customer_id = ? and not low", customer) == 1);
        TokenFixtures.send(usage(customer, vendor, "200", "1", Instant.now()));
        awaitColumn(customer, vendor, "consumed", "360");
        assertLowNotices(customer, 2);

        ConsumerRecord<String, String> low = TestKafka.awaitRecord(Topics.METERING_BALANCES,
                r -> customer.equals(r.key()) && TokenBalanceV1.LOW.equals(header(r, "ce_type"))
                        && r.value().contains("\"consumed\": 360"), PATIENCE);
        assertThat(low.value()).contains("\"balance\": 90", "\"threshold\": 100", "\"purchased\": 450");
    }

}
