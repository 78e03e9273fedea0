package dev.mercato.metering.balance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.mercato.metering.directory.UsageAccess;
import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Reads a customer's balances with their last 30 days of consumption, in one query, limited to what the caller
 * may see as the usage summary decides: the customer's own organization and those above it see every vendor's
 * balance, a vendor (or the organizations above it) only its own; nothing visible is a 404.
 */
@ApplicationScoped
public class Balances {

    private final Pool pool;
    private final BalanceConfig config;
    private final Clock clock;

    public Balances(Pool pool, BalanceConfig config, Clock clock) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    Uni<BalanceResponse> of(String customerId, Caller caller) {
        LocalDate today = LocalDate.now(clock);
        List<Object> parameters = new ArrayList<>(List.of(customerId, today.minusDays(RunOutProjection.WINDOW_DAYS - 1)));
        UsageAccess.SqlCondition visible = UsageAccess.sql(caller, parameters.size() + 1);
        parameters.addAll(visible.parameters());
        String sql = """
                select b.vendor_id, trim_scale(b.purchased) as purchased, trim_scale(b.consumed) as consumed, b.low,
                       c.day, trim_scale(c.tokens) as tokens
                from (select * from token_balance where customer_id = $1 and %s) b
                left join token_consumption c on c.customer_id = b.customer_id and c.vendor_id = b.vendor_id
                     and c.day >= $2
                order by b.vendor_id, c.day""".formatted(visible.sql());
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).map(rows -> {
            Map<String, List<Row>> byVendor = new LinkedHashMap<>();
            for (Row row : rows) {
                byVendor.computeIfAbsent(row.getString("vendor_id"), vendor -> new ArrayList<>()).add(row);
            }
            if (byVendor.isEmpty()) {
                throw ApiException.notFound("balance", customerId);
            }
            List<BalanceResponse.VendorBalance> balances = byVendor.values().stream()
                    .map(vendorRows -> balance(vendorRows, today)).toList();
            return new BalanceResponse(customerId, balances);
        });
    }

    private BalanceResponse.VendorBalance balance(List<Row> rows, LocalDate today) {
        Row first = rows.get(0);
        BigDecimal purchased = first.getBigDecimal("purchased");
        BigDecimal consumed = first.getBigDecimal("consumed");
        BigDecimal balance = purchased.subtract(consumed);
        BigDecimal last7 = BigDecimal.ZERO, last30 = BigDecimal.ZERO;
        List<BalanceResponse.DailyConsumption> history = new ArrayList<>();
        for (Row row : rows) {
            LocalDate day = row.getLocalDate("day");
            if (day == null || day.isAfter(today)) {
                continue; // no consumption yet; usage timed up to five minutes ahead may name tomorrow
            }
            BigDecimal tokens = row.getBigDecimal("tokens");
            history.add(new BalanceResponse.DailyConsumption(day, tokens));
            last30 = last30.add(tokens);
            if (!day.isBefore(today.minusDays(6))) {
                last7 = last7.add(tokens);
            }
        }
        RunOutProjection projection = RunOutProjection.of(balance, last30, today);
        return new BalanceResponse.VendorBalance(first.getString("vendor_id"), purchased, consumed, Tokens.exact(balance),
                Tokens.exact(config.lowThreshold()), first.getBoolean("low"), Tokens.exact(last7), Tokens.exact(last30),
                projection.dailyRate(), projection.days(), projection.date(), history);
    }
}
