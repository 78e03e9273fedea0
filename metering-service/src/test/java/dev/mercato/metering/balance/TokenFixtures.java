package dev.mercato.metering.balance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.mercato.platform.events.ArticleChangedV1;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.events.TransactionChangedV1;
import dev.mercato.platform.events.UsageEventV1;
import dev.mercato.platform.id.Ids;
import dev.mercato.testkit.TestKafka;

/**
 * The inputs of prepaid balances as the other services publish them: token packs on catalog.articles,
 * processed orders on orders.transactions, and accepted usage of a prepaid dimension on metering.usage.
 */
final class TokenFixtures {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private TokenFixtures() {
    }

    /** Publishes an article of {@code vendorId} crediting {@code tokens} per ordered unit (null: not a token pack). */
    static String publishArticle(String vendorId, String tokens) {
        String id = Ids.next("art");
        publishArticle(id, vendorId, tokens, 1);
        return id;
    }

    static void publishArticle(String id, String vendorId, String tokens, long version) {
        String body = """
                {"id": "%s", "sku": "SKU-%s", "ownerId": "%s", "packSize": 1, "tokens": %s, "version": %d}"""
                .formatted(id, id, vendorId, tokens, version);
        TestKafka.send(Topics.CATALOG_ARTICLES, id, body,
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), ArticleChangedV1.TYPE, id));
    }

    /** The body of {@code transactionId} of {@code customerId} in {@code status}, buying {@code quantity} of {@code articleId}. */
    static String transaction(String transactionId, String customerId, String status, String articleId, int quantity) {
        return """
                {"id": "%s", "status": "%s", "orderType": "INITIAL", "customerId": "%s", "currency": "eur", "price": 900,
                 "items": [{"sku": "SKU-%s", "articleId": "%s", "quantity": %d, "packSize": 1, "price": 900,
                            "serialNumber": null}],
                 "attempt": 1, "version": 2}""".formatted(transactionId, status, customerId, articleId, articleId, quantity);
    }

    /** Publishes {@code body} as a transaction event with {@code eventId}. */
    static void publishTransaction(String transactionId, String body, String eventId) {
        TestKafka.send(Topics.ORDERS_TRANSACTIONS, transactionId, body,
                TestKafka.cloudEventHeaders(eventId, TransactionChangedV1.TYPE, transactionId));
    }

    /** Usage of a prepaid dimension drawing {@code rate} tokens a unit. */
    static UsageEventV1 usage(String customerId, String vendorId, String quantity, String rate, Instant at) {
        String id = UUID.randomUUID().toString();
        return new UsageEventV1(id, "rpt_" + id, customerId, vendorId, "lst_flex", null, "flex_calls",
                new BigDecimal(quantity), at, Instant.now(), Map.of(), "SUM", null, new BigDecimal(rate));
    }

    static void send(UsageEventV1 event) {
        try {
            TestKafka.send(Topics.METERING_USAGE, event.customerId(), JSON.writeValueAsString(event),
                    TestKafka.cloudEventHeaders(event.id(), UsageEventV1.ACCEPTED, event.customerId()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String newOrganizationId() {
        return "org_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }
}
