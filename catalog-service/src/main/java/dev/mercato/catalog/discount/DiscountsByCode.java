package dev.mercato.catalog.discount;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.pricing.Discount.DiscountType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Finds discounts by code in one statement on the reactive client, without an ORM session: quotes look
 * a code up on their hot path. The discounts come back detached, holding what deciding whether one
 * applies needs (value, dates, unit limits, redemptions, what it covers); they are never written back.
 */
@ApplicationScoped
public class DiscountsByCode {

    private final Pool pool;

    DiscountsByCode(Pool pool) {
        this.pool = pool;
    }

    /** The discounts with {@code code} (any letter case) among those of {@code ownerIds}. */
    public Uni<List<CatalogDiscount>> find(String code, Collection<String> ownerIds) {
        if (code == null || ownerIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.preparedQuery("""
                select id, owner_id, type, percentage, price, currency, code, start_date, expiration_date, min_units,
                       max_units, max_redemptions, redemptions, plan_ids, article_skus, listing_ids
                from discount where lower(code) = lower($1) and owner_id = any($2)""")
                .execute(Tuple.of(code, ownerIds.toArray(String[]::new)))
                .map(rows -> {
                    List<CatalogDiscount> found = new ArrayList<>();
                    rows.forEach(row -> found.add(discountOf(row)));
                    return found;
                });
    }

    private static CatalogDiscount discountOf(Row row) {
        CatalogDiscount discount = new CatalogDiscount();
        discount.id = row.getString("id");
        discount.ownerId = row.getString("owner_id");
        discount.type = DiscountType.valueOf(row.getString("type"));
        discount.percentage = row.getBigDecimal("percentage");
        discount.price = row.getBigDecimal("price");
        discount.currency = row.getString("currency");
        discount.code = row.getString("code");
        discount.startDate = row.getLocalDate("start_date");
        discount.expirationDate = row.getLocalDate("expiration_date");
        discount.minUnits = row.getLong("min_units");
        discount.maxUnits = row.getLong("max_units");
        discount.maxRedemptions = row.getInteger("max_redemptions");
        discount.redemptions = row.getInteger("redemptions");
        discount.planIds = row.getString("plan_ids");
        discount.articleSkus = row.getString("article_skus");
        discount.listingIds = row.getString("listing_ids");
        return discount;
    }
}
