package dev.mercato.order.catalogmodel;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.platform.persistence.SessionReads;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Reads articles of the local catalog read model with their purchase prices, in one statement, through the
 * caller's session: a second connection taken from the pool while the transaction holds one would starve the
 * pool under load (every placement waiting for a connection another placement holds).
 */
@ApplicationScoped
public class CatalogArticles {

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
        // A list-valued parameter: Hibernate plans this select once per execution and does not cache the plan.
        return Panache.getSession().chain(session -> session.createNativeQuery(SELECT + "where a.sku in (:skus)",
                        Object[].class).setParameter("skus", List.copyOf(skus)).getResultList())
                .map(CatalogArticles::articles);
    }

    /** The articles {@code ownerId} sells, by SKU. */
    public Uni<Map<String, CatalogArticle>> ofOwner(String ownerId) {
        return Panache.getSession()
                .chain(session -> SessionReads.rows(session, SELECT + "where a.owner_id = $1 order by a.sku", ownerId))
                .map(CatalogArticles::articles);
    }

    private static Map<String, CatalogArticle> articles(List<Object[]> rows) {
        Map<String, CatalogArticle> articles = new LinkedHashMap<>();
        for (Object[] row : rows) {
            CatalogArticle article = articles.computeIfAbsent((String) row[1], sku -> new CatalogArticle(
                    (String) row[0], sku, (String) row[2], (String) row[3], (String) row[4], (String) row[5],
                    row[6] == null ? null : ((Number) row[6]).intValue(), ((Number) row[7]).intValue(),
                    (String) row[8], date(row[9]), date(row[10]), new HashMap<>()));
            if (row[12] != null) {
                article.purPrice().put((String) row[11], new BigDecimal(row[12].toString()));
            }
        }
        return articles;
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }

    /** The SKUs each of {@code skus} links to for {@code orderType} (e.g. its S2S switch targets), by SKU. */
    public Uni<Map<String, Set<String>>> links(Collection<String> skus, String orderType) {
        if (skus.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select a.sku, l.sku as target from catalog_article a
                join catalog_article_link l on l.article_id = a.id
                where a.sku in (:skus) and l.order_type = :orderType""", Object[].class)
                .setParameter("skus", List.copyOf(skus)).setParameter("orderType", orderType).getResultList())
                .map(rows -> {
                    Map<String, Set<String>> links = new HashMap<>();
                    for (Object[] row : rows) {
                        links.computeIfAbsent((String) row[0], sku -> new TreeSet<>()).add((String) row[1]);
                    }
                    return links;
                });
    }
}
