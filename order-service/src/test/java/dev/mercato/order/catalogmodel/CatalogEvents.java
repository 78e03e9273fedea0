package dev.mercato.order.catalogmodel;

import java.time.LocalDate;
import java.util.UUID;

import dev.mercato.testkit.TestKafka;

/** Publishes catalog snapshots as catalog-service would, so tests can fill the catalog read models. */
public final class CatalogEvents {

    private CatalogEvents() {
    }

    /** A new SKU no other test uses (at most 35 characters). */
    public static String newSku() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
    }

    /**
     * Sends an article snapshot: purchase price {@code eurPrice} eur (and twice that in sek), a 12-month term,
     * pack size {@code packSize}, orderable from {@code start} to {@code end} (null: open) for {@code orderTypes}
     * (a JSON array's content, e.g. {@code "INITIAL", "ADD_SEAT"}); returns the article id.
     */
    public static String article(String articleId, String sku, String eurPrice, int packSize, String orderTypes,
            LocalDate start, LocalDate end, long version) {
        String body = """
                {"id": "%s", "sku": "%s", "ownerId": "org_vendor", "materialDescription": "Test product",
                 "shortDescription": "Test product %s", "deployment": "SINGLE_USER", "contractType": "SUBSCRIPTION",
                 "contractTerm": 12, "packSize": %d, "supportedOrderTypes": [%s],
                 "links": [{"sku": "%s-S2S", "orderType": "S2S"}],
                 "startDate": %s, "endDate": %s, "purPrice": {"eur": %s, "sek": %s}, "srpPrice": {"eur": 99.90},
                 "createdAt": "2026-01-01T00:00:00Z", "lastUpdated": "2026-01-01T00:00:00Z", "version": %d}"""
                .formatted(articleId, sku, sku, packSize, orderTypes, sku, quoted(start), quoted(end), eurPrice,
                        new java.math.BigDecimal(eurPrice).multiply(java.math.BigDecimal.TWO).toPlainString(), version);
        TestKafka.send("catalog.articles", articleId, body, TestKafka.cloudEventHeaders(UUID.randomUUID().toString(),
                "mercato.catalog.article.changed.v1", articleId));
        return articleId;
    }

    /** {@link #article} with a new id, version 0. */
    public static String article(String sku, String eurPrice, int packSize, String orderTypes, LocalDate start,
            LocalDate end) {
        return article("art_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20), sku, eurPrice, packSize,
                orderTypes, start, end, 0);
    }

    private static String quoted(LocalDate date) {
        return date == null ? "null" : '"' + date.toString() + '"';
    }
}
