package dev.mercato.order.catalogmodel;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads articles of the local catalog read model with their purchase prices, in one statement. */
@ApplicationScoped
public class CatalogArticles {

    private final Pool pool;

    public CatalogArticles(Pool pool) {
        this.pool = pool;
    }

    /** The known articles among {@code skus}, by SKU. */
    public Uni<Map<String, CatalogArticle>> bySku(Collection<String> skus) {
        if (skus.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("""
                select a.id, a.sku, a.owner_id, a.description, a.deployment, a.contract_type, a.contract_term,
                       a.pack_size, a.supported_order_types, a.start_date, a.end_date, p.currency, p.amount
                from catalog_article a left join catalog_article_price p on p.article_id = a.id and p.price_list = 'PUR'
                where a.sku = any($1)""")
                .execute(Tuple.of(skus.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, CatalogArticle> articles = new HashMap<>();
                    for (Row row : rows) {
                        CatalogArticle article = articles.computeIfAbsent(row.getString("sku"), sku -> new CatalogArticle(
                                row.getString("id"), sku, row.getString("owner_id"), row.getString("description"),
                                row.getString("deployment"), row.getString("contract_type"),
                                row.getInteger("contract_term"), row.getInteger("pack_size"),
                                row.getString("supported_order_types"), row.getLocalDate("start_date"),
                                row.getLocalDate("end_date"), new HashMap<>()));
                        BigDecimal amount = row.getBigDecimal("amount");
                        if (amount != null) {
                            article.purPrice().put(row.getString("currency"), amount);
                        }
                    }
                    return articles;
                });
    }

    /** The SKUs each of {@code skus} links to for {@code orderType} (e.g. its S2S switch targets), by SKU. */
    public Uni<Map<String, Set<String>>> links(Collection<String> skus, String orderType) {
        return pool.preparedQuery("""
                select a.sku, l.sku as target from catalog_article a
                join catalog_article_link l on l.article_id = a.id
                where a.sku = any($1) and l.order_type = $2""")
                .execute(Tuple.of(skus.toArray(String[]::new), orderType))
                .map(rows -> {
                    Map<String, Set<String>> links = new HashMap<>();
                    for (Row row : rows) {
                        links.computeIfAbsent(row.getString("sku"), sku -> new TreeSet<>()).add(row.getString("target"));
                    }
                    return links;
                });
    }
}
