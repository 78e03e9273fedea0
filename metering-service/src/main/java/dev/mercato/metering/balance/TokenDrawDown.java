package dev.mercato.metering.balance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.mercato.platform.events.Topics;
import dev.mercato.platform.events.TokenBalanceV1;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Draws prepaid tokens for usage, inside the aggregation's transaction and only for the events that
 * transaction counts for the first time: a redelivered event is skipped with its aggregate change, so it
 * never draws twice. Each event of a dimension with a token rate draws quantity × rate from its customer's
 * balance with the listing's vendor; the tokens are also added to the day the usage happened, for the
 * consumption history. A balance that falls below the low threshold publishes {@code balance.low} once.
 */
@ApplicationScoped
public class TokenDrawDown {

    private static final String CONSUME = """
            insert into token_consumption as c (customer_id, vendor_id, day, tokens)
            select c, v, d, n::numeric from unnest($1::text[], $2::text[], $3::date[], $4::text[]) as t(c, v, d, n)
            on conflict (customer_id, vendor_id, day) do update set tokens = c.tokens + excluded.tokens""";

    private static final String DRAW = """
            insert into token_balance as b (customer_id, vendor_id, consumed, updated_at)
            select c, v, n::numeric, now() from unnest($1::text[], $2::text[], $3::text[]) as t(c, v, n)
            on conflict (customer_id, vendor_id) do update set consumed = b.consumed + excluded.consumed,
                updated_at = now()""";

    /** Marks the balances of the batch that went below the threshold low, and writes one notice each. */
    private static final String LOW = """
            with a as (
                update token_balance b set low = true
                where (b.customer_id, b.vendor_id) in (select * from unnest($1::text[], $2::text[]))
                  and not b.low and b.purchased > 0 and b.purchased - b.consumed < $3::numeric
                returning b.*)
            insert into outbox_event (event_id, topic, message_key, event_type, source, subject, occurred_at, payload)
            select gen_random_uuid()::text, $4, a.customer_id, $5, $6, a.customer_id, now(), """
            + BalanceRows.PAYLOAD + " from a";

    private final BalanceConfig config;
    private final String source;

    public TokenDrawDown(BalanceConfig config, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.config = config;
        this.source = "/mercato/" + applicationName;
    }

    /** Draws {@code draws} (of events counted for the first time) on {@code connection}'s transaction. */
    public Uni<Void> drawFor(SqlConnection connection, List<TokenDraw> draws) {
        // Sorted keys: two transactions drawing from the same balances lock them in the same order.
        Map<String, Map<LocalDate, BigDecimal>> byBalanceAndDay = new TreeMap<>();
        for (TokenDraw draw : draws) {
            byBalanceAndDay.computeIfAbsent(BalanceKey.of(draw.customerId(), draw.vendorId()), k -> new TreeMap<>())
                    .merge(draw.day(), draw.tokens(), BigDecimal::add);
        }
        if (byBalanceAndDay.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Columns days = new Columns(), balances = new Columns();
        byBalanceAndDay.forEach((key, perDay) -> {
            BigDecimal total = BigDecimal.ZERO;
            for (Map.Entry<LocalDate, BigDecimal> day : perDay.entrySet()) {
                days.add(key, day.getKey(), day.getValue());
                total = total.add(day.getValue());
            }
            balances.add(key, null, total);
        });
        return connection.preparedQuery(CONSUME).execute(Tuple.of(days.customers(), days.vendors(), days.days(), days.tokens()))
                .chain(() -> connection.preparedQuery(DRAW)
                        .execute(Tuple.of(balances.customers(), balances.vendors(), balances.tokens())))
                .chain(() -> connection.preparedQuery(LOW).execute(Tuple.from(List.of(balances.customers(),
                        balances.vendors(), config.lowThreshold(), Topics.METERING_BALANCES,
                        TokenBalanceV1.LOW, source))))
                .replaceWithVoid(); // outbox_event's insert trigger wakes the relay
    }

    /** Parallel arrays for {@code unnest}. */
    private static final class Columns {
        private final ArrayList<String> customers = new ArrayList<>();
        private final ArrayList<String> vendors = new ArrayList<>();
        private final ArrayList<LocalDate> days = new ArrayList<>();
        private final ArrayList<String> tokens = new ArrayList<>();

        void add(String key, LocalDate day, BigDecimal amount) {
            customers.add(BalanceKey.customer(key));
            vendors.add(BalanceKey.vendor(key));
            days.add(day);
            tokens.add(amount.toPlainString());
        }

        String[] customers() {
            return customers.toArray(String[]::new);
        }

        String[] vendors() {
            return vendors.toArray(String[]::new);
        }

        LocalDate[] days() {
            return days.toArray(LocalDate[]::new);
        }

        String[] tokens() {
            return tokens.toArray(String[]::new);
        }
    }
}
