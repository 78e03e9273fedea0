package dev.mercato.billing.readmodel;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.events.ArticleChangedV1;
import dev.mercato.platform.messaging.IncomingEvent;
import dev.mercato.platform.messaging.PoisonEventException;
import dev.mercato.platform.persistence.NativeStatements;
import io.smallrye.mutiny.Uni;

/** Applies article snapshots to {@code billing_article}: the SRP and purchase price objects of each SKU. */
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
        row.put("srp", Snapshots.json(json, Snapshots.prices(article.srpPrice())));
        row.put("pur", Snapshots.json(json, Snapshots.prices(article.purPrice())));
        row.put("sourceVersion", article.version());
        return NativeStatements.execute("""
                insert into billing_article (id, sku, srp_price, pur_price, source_version)
                values (:id, :sku, cast(cast(:srp as text) as jsonb), cast(cast(:pur as text) as jsonb), :sourceVersion)
                on conflict (id) do update set sku = excluded.sku, srp_price = excluded.srp_price,
                    pur_price = excluded.pur_price, source_version = excluded.source_version
                where billing_article.source_version < excluded.source_version""", row).replaceWithVoid();
    }
}
