package dev.mercato.order.catalogmodel;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.ArticleChangedV1;
import dev.mercato.platform.messaging.IncomingEvent;
import dev.mercato.platform.messaging.PoisonEventException;
import dev.mercato.platform.persistence.NativeStatements;
import io.smallrye.mutiny.Uni;

/**
 * Applies article snapshots to {@code catalog_article} with its prices and links: what placing an order
 * needs (SKU, owner, order types, orderable window, pack size, contract term, links, price objects).
 * A snapshot older than the stored one changes nothing.
 */
@ApplicationScoped
public class ArticleProjector {

    private final ObjectMapper json;

    public ArticleProjector(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> apply(IncomingEvent event) {
        if (!ArticleChangedV1.TYPE.equals(event.type())) {
            return Uni.createFrom().voidItem();
        }
        ArticleChangedV1 article = event.dataAs(ArticleChangedV1.class, json);
        if (article.id() == null || article.sku() == null) {
            throw new PoisonEventException("event " + event.id() + " lacks the article's id or SKU");
        }
        Map<String, Object> row = new HashMap<>();
        row.put("id", article.id());
        row.put("sku", article.sku());
        row.put("ownerId", article.ownerId());
        row.put("description", article.shortDescription() != null ? article.shortDescription() : article.materialDescription());
        row.put("deployment", article.deployment());
        row.put("contractType", article.contractType());
        row.put("contractTerm", article.contractTerm());
        row.put("packSize", article.packSize());
        row.put("orderTypes", article.supportedOrderTypes() == null ? "" : String.join(",", article.supportedOrderTypes()));
        row.put("startDate", article.startDate());
        row.put("endDate", article.endDate());
        row.put("sourceVersion", article.version());
        return NativeStatements.execute("""
                insert into catalog_article (id, sku, owner_id, description, deployment, contract_type, contract_term,
                    pack_size, supported_order_types, start_date, end_date, source_version)
                values (:id, :sku, :ownerId, :description, :deployment, :contractType, cast(:contractTerm as integer),
                    :packSize, :orderTypes, cast(:startDate as date), cast(:endDate as date), :sourceVersion)
                on conflict (id) do update set sku = excluded.sku, owner_id = excluded.owner_id,
                    description = excluded.description, deployment = excluded.deployment,
                    contract_type = excluded.contract_type, contract_term = excluded.contract_term,
                    pack_size = excluded.pack_size, supported_order_types = excluded.supported_order_types,
                    start_date = excluded.start_date, end_date = excluded.end_date,
                    source_version = excluded.source_version
                where catalog_article.source_version < excluded.source_version""", row)
                .chain(changed -> changed == 0 ? Uni.createFrom().voidItem() : replaceDetails(article));
    }

    private Uni<Void> replaceDetails(ArticleChangedV1 article) {
        Map<String, Object> id = Map.of("id", article.id());
        Uni<?> chain = NativeStatements.execute("delete from catalog_article_price where article_id = :id", id)
                .chain(() -> NativeStatements.execute("delete from catalog_article_link where article_id = :id", id));
        chain = insertPrices(chain, article.id(), "PUR", article.purPrice());
        chain = insertPrices(chain, article.id(), "SRP", article.srpPrice());
        List<ArticleChangedV1.LinkV1> links = article.links() == null ? List.of() : article.links();
        for (ArticleChangedV1.LinkV1 link : links) {
            chain = chain.chain(() -> NativeStatements.execute("""
                    insert into catalog_article_link (article_id, order_type, sku) values (:id, :orderType, :sku)
                    on conflict do nothing""", Map.of("id", article.id(), "orderType", link.orderType(), "sku", link.sku())));
        }
        return chain.replaceWithVoid();
    }

    private static Uni<?> insertPrices(Uni<?> chain, String articleId, String priceList, Map<String, BigDecimal> prices) {
        if (prices == null) {
            return chain;
        }
        for (Map.Entry<String, BigDecimal> price : prices.entrySet()) {
            chain = chain.chain(() -> NativeStatements.execute("""
                    insert into catalog_article_price (article_id, price_list, currency, amount)
                    values (:id, :priceList, :currency, :amount)""",
                    Map.of("id", articleId, "priceList", priceList, "currency", price.getKey(), "amount", price.getValue())));
        }
        return chain;
    }
}
