package dev.mercato.order.catalogmodel;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads articles of the local catalog read model with their purchase prices, in one statement. */
@ApplicationScoped
public class CatalogArticles {

    private final Pool pool;

    public CatalogArticles(Pool pool) {
        this.pool = pool;
    }

    private static final String SELECT = """
            select a.id, a.sku, a.owner_id, a.description, a.deployment, a.contract_type, a.contract_term,
                   a.pack_size, a.supported_order_types, a.start_date, a.end_date, p.currency, p.amount
            from catalog_article a left join catalog_article_price p on p.article_id = a.id and p.price_list = 'PUR'
            """;

    /** The known articles among {@code skus}, by SKU. */
    public Uni<Map<String, CatalogArticle>> bySku(Collection<String> skus) {
        if (skus.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery(SELECT + "where a.sku = any($1)")
                .execute(Tuple.of(skus.toArray(String[]::new)))
                .map(CatalogArticles::articles);
    }

    /** The articles {@code ownerId} sells, by SKU. */
    public Uni<Map<String, CatalogArticle>> ofOwner(String ownerId) {
        return pool.preparedQuery(SELECT + "where a.owner_id = $1 order by a.sku")
                .execute(Tuple.of(ownerId))
                .map(CatalogArticles::articles);
    }

    private static Map<String, CatalogArticle> articles(RowSet<Row> rows) {
        Map<String, CatalogArticle> articles = new LinkedHashMap<>();
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
    }
}
