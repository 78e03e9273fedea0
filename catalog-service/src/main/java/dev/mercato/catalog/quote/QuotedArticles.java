package dev.mercato.catalog.quote;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads the articles of a cart and their prices in one statement on the reactive client, without an ORM
 * session: a quote is the catalogue's hot read path (order-service's price checks and every storefront).
 */
@ApplicationScoped
class QuotedArticles {

    private final Pool pool;

    QuotedArticles(Pool pool) {
        this.pool = pool;
    }

    /** The articles with these SKUs, by SKU, each with its prices of {@code priceList} (PUR or SRP). */
    Uni<Map<String, QuotedArticle>> bySku(Collection<String> skus, String priceList) {
        if (skus.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("""
                select a.id, a.sku, a.owner_id, coalesce(a.short_description, a.material_description) as description,
                       a.supported_order_types, a.start_date, a.end_date, p.currency, p.amount
                from article a left join article_price p on p.article_id = a.id and p.price_list = $2
                where a.sku = any($1)""")
                .execute(Tuple.of(skus.toArray(String[]::new), priceList))
                .map(rows -> {
                    Map<String, QuotedArticle> articles = new HashMap<>();
                    for (Row row : rows) {
                        QuotedArticle article = articles.computeIfAbsent(row.getString("sku"), sku -> new QuotedArticle(
                                row.getString("id"), sku, row.getString("owner_id"), row.getString("description"),
                                row.getString("supported_order_types"), row.getLocalDate("start_date"),
                                row.getLocalDate("end_date"), new HashMap<>()));
                        BigDecimal amount = row.getBigDecimal("amount");
                        if (amount != null) {
                            article.prices().put(row.getString("currency"), amount);
                        }
                    }
                    return articles;
                });
    }
}
