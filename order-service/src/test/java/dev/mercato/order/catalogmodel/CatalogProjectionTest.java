package dev.mercato.order.catalogmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.mercato.testkit.TestKafka;
import dev.mercato.testkit.TestSql;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CatalogProjectionTest {

    @Test
    void keepsAnArticleWithItsPricesAndLinks() {
        String sku = CatalogEvents.newSku();
        String id = CatalogEvents.article(sku, "47.50", 5, "\"INITIAL\", \"ADD_SEAT\"", LocalDate.of(2026, 1, 1), null);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.number("select count(*) from catalog_article where id = ?", id) == 1);
        assertThat(TestSql.rows("select sku, pack_size, contract_term, supported_order_types, start_date, end_date "
                + "from catalog_article where id = ?", id)).singleElement().satisfies(row -> {
                    assertThat(row).containsEntry("sku", sku).containsEntry("pack_size", 5)
                            .containsEntry("contract_term", 12).containsEntry("supported_order_types", "INITIAL,ADD_SEAT");
                    assertThat(row.get("end_date")).isNull();
                });
        assertThat(TestSql.rows("select price_list, currency, round(amount, 2) as amount from catalog_article_price where article_id = ? "
                + "order by price_list, currency", id)).containsExactly(
                        Map.of("price_list", "PUR", "currency", "eur", "amount", new BigDecimal("47.50")),
                        Map.of("price_list", "PUR", "currency", "sek", "amount", new BigDecimal("95.00")),
                        Map.of("price_list", "SRP", "currency", "eur", "amount", new BigDecimal("99.90")));
        assertThat(TestSql.rows("select order_type, sku from catalog_article_link where article_id = ?", id))
                .containsExactly(Map.of("order_type", "S2S", "sku", sku + "-S2S"));
    }

    @Test
    void appliesANewerArticleAndIgnoresAnOlderOneArrivingLate() {
        String sku = CatalogEvents.newSku();
        String id = "art_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        CatalogEvents.article(id, sku, "10.00", 1, "\"INITIAL\"", null, null, 3);
        CatalogEvents.article(id, sku, "20.00", 1, "\"INITIAL\"", null, null, 2);
        CatalogEvents.article(id, sku, "30.00", 2, "\"INITIAL\"", null, null, 4);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.number("select count(*) from catalog_article where id = ? and source_version = 4", id) == 1);
        assertThat(TestSql.rows("select round(amount, 2) as amount from catalog_article_price where article_id = ? and currency = 'eur' "
                + "and price_list = 'PUR'", id)).containsExactly(Map.of("amount", new BigDecimal("30.00")));
        assertThat(TestSql.number("select pack_size from catalog_article where id = ?", id)).isEqualTo(2);
    }

    @Test
    void keepsPlanVersionsWithTheirPriceDefinitions() {
        String id = "pln_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String body = """
                {"id": "%s", "ownerId": "org_vendor", "name": "Team", "description": null, "listingId": "lst_1",
                 "publishedVersion": 1, "draftVersion": 2,
                 "versions": [
                   {"version": 1, "status": "PUBLISHED", "currency": "eur", "pricingPeriod": "MONTHLY",
                    "freeTrialTerms": null, "createdAt": "2026-01-01T00:00:00Z", "publishedAt": "2026-01-02T00:00:00Z",
                    "priceDefinitions": [{"id": "prc_1", "costTypeCategory": "RECURRING", "pricingStrategy": "UNIT",
                      "unit": "seat", "priceRanges": [{"min": 0, "max": null, "salePrice": 12.34, "wholeSalePrice": 10.00,
                      "flatAmount": null}], "packageSize": null, "unitAllowsDecimals": false, "increment": null,
                      "listingId": null, "dimensionKey": null}]},
                   {"version": 2, "status": "DRAFT", "currency": "eur", "pricingPeriod": "MONTHLY",
                    "freeTrialTerms": null, "createdAt": "2026-01-03T00:00:00Z", "publishedAt": null,
                    "priceDefinitions": []}],
                 "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-03T00:00:00Z", "version": 3}"""
                .formatted(id);
        TestKafka.send("catalog.plans", id, body, TestKafka.cloudEventHeaders(UUID.randomUUID().toString(),
                "mercato.catalog.plan.changed.v1", id));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.number("select count(*) from catalog_plan_version where plan_id = ?", id) == 2);
        assertThat(TestSql.number("select published_version from catalog_plan where id = ?", id)).isEqualTo(1);
        assertThat(TestSql.rows("select price_definitions->0->'priceRanges'->0->>'salePrice' as sale_price "
                + "from catalog_plan_version where plan_id = ? and version = 1", id))
                .containsExactly(Map.of("sale_price", "12.34"));
    }

    @Test
    void keepsAPrivateOfferOnceAcrossItsCopies() {
        String id = "ofr_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        String body = """
                {"id": "%s", "vendor": "direct", "vendorId": "org_vendor", "listingId": "lst_1", "listingName": "L",
                 "customerId": "org_tenant", "customerName": "Tenant", "title": null, "notes": null,
                 "pricing": {"discountPercentage": 12.5, "duration": 12}, "status": "ACCEPTED",
                 "expiresAt": "2026-12-31T00:00:00Z", "sentAt": "2026-01-01T00:00:00Z",
                 "acceptedAt": "2026-01-02T00:00:00Z", "declinedAt": null, "cancelledAt": null, "expiredAt": null,
                 "createdAt": "2026-01-01T00:00:00Z", "updatedAt": "2026-01-02T00:00:00Z", "version": 2}""".formatted(id);
        for (String type : new String[] {"mercato.catalog.offer.changed.v1", "mercato.catalog.offer.accepted.v1"}) {
            TestKafka.send("catalog.offers", id, body, TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), type, id));
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSql.number("select count(*) from catalog_offer where id = ?", id) == 1);
        assertThat(TestSql.rows("select status, round(discount_percentage, 2) as discount_percentage, duration_months, customer_id from catalog_offer "
                + "where id = ?", id)).containsExactly(Map.of("status", "ACCEPTED", "discount_percentage",
                        new BigDecimal("12.50"), "duration_months", 12, "customer_id", "org_tenant"));
    }

    @Test
    void sendsAMalformedArticleToTheDeadLetterTopic() {
        String key = "poison-" + UUID.randomUUID();
        TestKafka.send("catalog.articles", key, "{\"id\": \"" + key + "\"}",
                TestKafka.cloudEventHeaders(UUID.randomUUID().toString(), "mercato.catalog.article.changed.v1", key));

        ConsumerRecord<String, String> dead = TestKafka.awaitRecord("orders.dead-letter",
                record -> key.equals(record.key()), Duration.ofSeconds(30));
        assertThat(dead.value()).contains(key);
    }
}
