package dev.mercato.catalog.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.pricing.PriceDefinition;
import dev.mercato.pricing.PricingStrategy;
import dev.mercato.pricing.Tier;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads a published plan version with its prices and ranges in one statement on the reactive client,
 * without an ORM session: quotes, and later order confirmation and rating, price through it on their
 * hot paths. A published version never changes, so there is nothing to lock or version here.
 */
@ApplicationScoped
class PublishedVersions {

    private final Pool pool;

    PublishedVersions(Pool pool) {
        this.pool = pool;
    }

    /** The published version {@code number} of the plan, or null when the plan or that published version does not exist. */
    Uni<PublishedPlanVersion> find(String planId, int number) {
        return pool.preparedQuery("""
                select p.owner_id, v.currency, v.pricing_period,
                       pp.id as price_id, pp.cost_type_category, pp.pricing_strategy, pp.unit, pp.listing_id,
                       pp.dimension_key, pp.unit_allows_decimals, pp.increment, pp.package_size,
                       r.min_quantity, r.max_quantity, r.sale_price, r.flat_amount
                from plan p
                join plan_version v on v.plan_id = p.id and v.number = $2 and v.status = 'PUBLISHED'
                left join plan_price pp on pp.version_id = v.id
                left join plan_price_range r on r.price_id = pp.id
                where p.id = $1
                order by pp.position, r.position""")
                .execute(Tuple.of(planId, number))
                .map(rows -> rows.size() == 0 ? null : versionOf(planId, number, rows));
    }

    private static PublishedPlanVersion versionOf(String planId, int number, Iterable<Row> rows) {
        Map<String, PriceRows> prices = new LinkedHashMap<>();
        Row first = null;
        for (Row row : rows) {
            first = first == null ? row : first;
            String priceId = row.getString("price_id");
            if (priceId != null) {
                prices.computeIfAbsent(priceId, id -> new PriceRows(row)).tiers.add(new Tier(
                        row.getBigDecimal("min_quantity"), row.getBigDecimal("max_quantity"),
                        row.getBigDecimal("sale_price"), row.getBigDecimal("flat_amount")));
            }
        }
        String period = first.getString("pricing_period");
        return new PublishedPlanVersion(planId, number, first.getString("owner_id"), first.getString("currency"),
                period == null ? null : PricingPeriod.valueOf(period),
                prices.entrySet().stream().map(price -> price.getValue().toPrice(price.getKey())).toList());
    }

    /** One price's columns and the tiers its range rows add up to. */
    private static final class PriceRows {

        final Row row;
        final List<Tier> tiers = new ArrayList<>();

        PriceRows(Row row) {
            this.row = row;
        }

        PublishedPlanVersion.Price toPrice(String id) {
            BigDecimal packageSize = row.getBigDecimal("package_size");
            BigDecimal increment = row.getBigDecimal("increment");
            PriceDefinition definition = new PriceDefinition(PricingStrategy.valueOf(row.getString("pricing_strategy")),
                    tiers, packageSize, row.getBoolean("unit_allows_decimals"), increment);
            return new PublishedPlanVersion.Price(id, CostTypeCategory.valueOf(row.getString("cost_type_category")),
                    row.getString("unit"), row.getString("listing_id"), row.getString("dimension_key"), definition);
        }
    }
}
