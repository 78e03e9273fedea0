package dev.mercato.metering.aggregate;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.metering.directory.UsageAccess;
import dev.mercato.platform.api.PageResponse;
import dev.mercato.platform.api.Pagination;
import dev.mercato.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Adds the hourly aggregates up into hours, days or months (UTC) with one grouped query: sums and counts
 * add, the maximum is the largest hourly one, the latest is the hour's latest with the latest time, and
 * unique values are counted distinct across the period's hours.
 */
@ApplicationScoped
public class UsageSummaries {

    private final Pool pool;

    public UsageSummaries(Pool pool) {
        this.pool = pool;
    }

    Uni<PageResponse<UsageSummaryResponse>> summarize(SummaryQuery query, Caller caller) {
        List<Object> parameters = new ArrayList<>(List.of(query.from().atOffset(ZoneOffset.UTC),
                query.to().atOffset(ZoneOffset.UTC)));
        StringBuilder where = new StringBuilder("a.hour_start >= $1 and a.hour_start < $2");
        filter(where, parameters, "a.customer_id", query.customer());
        filter(where, parameters, "a.listing_id", query.listing());
        filter(where, parameters, "a.subscription_id", query.subscription());
        filter(where, parameters, "a.dimension", query.dimension());
        UsageAccess.SqlCondition visible = UsageAccess.sql(caller, parameters.size() + 1);
        where.append(" and ").append(visible.sql());
        parameters.addAll(visible.parameters());
        String sql = """
                select date_trunc('%s', a.hour_start at time zone 'UTC') at time zone 'UTC' as period_start,
                       a.customer_id, max(a.vendor_id) as vendor_id, a.listing_id, a.subscription_id, a.dimension,
                       a.aggregation, trim_scale(sum(a.quantity_sum)) as quantity_sum,
                       sum(a.event_count)::bigint as event_count, trim_scale(max(a.quantity_max)) as quantity_max,
                       trim_scale((array_agg(a.latest_quantity order by a.latest_at desc))[1]) as latest_quantity,
                       case when bool_or(a.unique_property is not null)
                            then (select count(distinct v.value) from usage_aggregate_value v
                                  where v.aggregate_id = any(array_agg(a.id)))
                            else 0 end as unique_count,
                       count(*) over () as total
                from usage_aggregate a
                where %s
                group by 1, a.customer_id, a.listing_id, a.subscription_id, a.dimension, a.aggregation
                order by 1, a.customer_id, a.listing_id, a.subscription_id nulls first, a.dimension
                limit %d offset %d""".formatted(query.granularity().sql, where, query.limit(), query.offset());
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).map(rows -> {
            List<UsageSummaryResponse> data = new ArrayList<>(rows.rowCount());
            long total = 0;
            for (Row row : rows) {
                total = row.getLong("total");
                data.add(response(row, query.granularity()));
            }
            // beyond the last page no row carries the total: the answer says 0, as for an empty window
            return PageResponse.of(data, Pagination.of(query.offset(), query.limit(), total));
        });
    }

    private static void filter(StringBuilder where, List<Object> parameters, String column, String value) {
        if (value != null) {
            parameters.add(value);
            where.append(" and ").append(column).append(" = $").append(parameters.size());
        }
    }

    private static UsageSummaryResponse response(Row row, SummaryQuery.Granularity granularity) {
        String aggregation = row.getString("aggregation");
        BigDecimal sum = row.getBigDecimal("quantity_sum");
        long count = row.getLong("event_count");
        BigDecimal max = row.getBigDecimal("quantity_max");
        BigDecimal latest = row.getBigDecimal("latest_quantity");
        long unique = row.getLong("unique_count");
        BigDecimal value = switch (aggregation) {
            case "COUNT" -> BigDecimal.valueOf(count);
            case "MAX" -> max;
            case "LATEST" -> latest;
            case "UNIQUE_COUNT" -> BigDecimal.valueOf(unique);
            default -> sum;
        };
        return new UsageSummaryResponse(row.getOffsetDateTime("period_start").toInstant(), granularity.sql,
                row.getString("customer_id"), row.getString("vendor_id"), row.getString("listing_id"),
                row.getString("subscription_id"), row.getString("dimension"), aggregation, sum, count, max, latest, unique,
                value);
    }
}
