package dev.mercato.metering.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.mercato.metering.balance.TokenDraw;
import dev.mercato.metering.balance.TokenDrawDown;
import dev.mercato.platform.api.WriteConflicts;
import dev.mercato.platform.events.Topics;
import dev.mercato.platform.events.UsageAggregateV1;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Counts a batch of usage events in one PostgreSQL transaction: remembers their ids (skipping those
 * already counted), adds the new ones to their hourly aggregates, and for an aggregate whose hour had
 * already closed writes a correction to the outbox, and draws the new events' prepaid tokens — all or nothing. Every statement is set-based
 * (arrays unnested), so a batch of thousands of events is a handful of round trips.
 */
@ApplicationScoped
public class AggregateWriter {

    /** The {@link UsageAggregateV1} JSON of an aggregate row {@code a} with a {@code previous_value} column. */
    static final String PAYLOAD = """
            jsonb_build_object('id', 'uag_' || a.id, 'customerId', a.customer_id, 'vendorId', a.vendor_id,
                'listingId', a.listing_id, 'subscriptionId', a.subscription_id, 'dimension', a.dimension,
                'hourStart', to_char(a.hour_start at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                'aggregation', a.aggregation, 'sum', trim_scale(a.quantity_sum), 'count', a.event_count,
                'max', trim_scale(a.quantity_max), 'latest', trim_scale(a.latest_quantity),
                'uniqueCount', a.unique_count, 'value', trim_scale(a.declared_value), 'revision', a.revision,
                'previousValue', trim_scale(a.previous_value))::text""";

    /** Inserts an outbox row per row of CTE {@code a}; $1 topic, $2 event type, $3 source. */
    static final String TO_OUTBOX = """
            insert into outbox_event (event_id, topic, message_key, event_type, source, subject, occurred_at, payload)
            select gen_random_uuid()::text, $1, 'uag_' || a.id, $2, $3, 'uag_' || a.id, now(), """ + PAYLOAD + " from a";

    /** Remembers every event of a batch of new ones; a repeat among them fails it with a unique violation. */
    private static final String REMEMBER_NEW = """
            insert into usage_event_seen (usage_at, event_key)
            select * from unnest($1::timestamptz[], $2::uuid[])""";

    /** Remembers the events not seen before and returns their keys. */
    private static final String REMEMBER_SKIPPING_REPEATS = REMEMBER_NEW + """

            on conflict do nothing
            returning event_key""";

    private static final String UPSERT = """
            insert into usage_aggregate as a (customer_id, vendor_id, listing_id, subscription_id, dimension, hour_start,
                aggregation, unique_property, quantity_sum, event_count, quantity_max, latest_quantity, latest_at, updated_at)
            select c, v, l, s, d, h, ag, up, qs::numeric, n, qm::numeric, lq::numeric, la, now()
            from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[],
                        $9::text[], $10::bigint[], $11::text[], $12::text[], $13::timestamptz[])
                 as t(c, v, l, s, d, h, ag, up, qs, n, qm, lq, la)
            on conflict on constraint usage_aggregate_key do update set
                quantity_sum = a.quantity_sum + excluded.quantity_sum,
                event_count = a.event_count + excluded.event_count,
                quantity_max = greatest(a.quantity_max, excluded.quantity_max),
                latest_quantity = case when excluded.latest_at >= a.latest_at then excluded.latest_quantity
                                       else a.latest_quantity end,
                latest_at = greatest(a.latest_at, excluded.latest_at),
                vendor_id = coalesce(a.vendor_id, excluded.vendor_id),
                updated_at = now()
            returning id, customer_id, listing_id, subscription_id, dimension, hour_start, closed_at is not null as closed""";

    private static final String ADD_UNIQUE_VALUES = """
            with added as (
                insert into usage_aggregate_value (aggregate_id, value)
                select * from unnest($1::bigint[], $2::text[])
                on conflict do nothing
                returning aggregate_id),
            counted as (select aggregate_id, count(*) as n from added group by aggregate_id)
            update usage_aggregate u set unique_count = u.unique_count + counted.n
            from counted where u.id = counted.aggregate_id""";

    private static final String CORRECT = """
            with a as (
                update usage_aggregate u set revision = u.revision + 1, published_value = u.declared_value
                from (select id, published_value as previous_value from usage_aggregate where id = any($4::bigint[])) p
                where u.id = p.id
                returning u.*, p.previous_value)
            """ + TO_OUTBOX;

    private final Pool pool;
    private final TokenDrawDown tokens;
    private final String source;
    /** Whether the last batch held repeats: then the next one is remembered the way that skips them at once. */
    private volatile boolean repeatsLately;

    public AggregateWriter(Pool pool, TokenDrawDown tokens,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.pool = pool;
        this.tokens = tokens;
        this.source = "/mercato/" + applicationName;
    }

    /** What one batch did: events counted for the first time, repeats skipped, corrections published. */
    public record Outcome(int counted, int repeats, int corrections) {
    }

    /**
     * Counts {@code events} (ids unique within the list) once each, in one transaction. The days their usage
     * happened on must have their {@code usage_event_seen} partitions ({@link DedupePartitions#ensure}).
     * <p>
     * Most batches hold no repeat, and remembering rows known to be new is half the work of remembering them with
     * {@code on conflict do nothing} (PostgreSQL's speculative insertion, per row): so a batch is first remembered as
     * new, and only when that meets a repeat — a unique violation, nothing written — is it counted again the other
     * way, as is the batch after one that held repeats. Either way the primary key decides what counts, in the
     * transaction that counts it. Rows go in index order, so that a batch fills the index's pages one after another.
     */
    Uni<Outcome> count(List<CountableUsage> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(new Outcome(0, 0, 0));
        }
        List<CountableUsage> ordered = new ArrayList<>(events);
        ordered.sort(CountableUsage.INDEX_ORDER);
        Uni<Outcome> counted = repeatsLately ? count(ordered, true)
                : count(ordered, false).onFailure(RepeatInBatch.class).recoverWithUni(() -> count(ordered, true));
        return counted.invoke(outcome -> repeatsLately = outcome.repeats() > 0);
    }

    private Uni<Outcome> count(List<CountableUsage> events, boolean skippingRepeats) {
        return pool.withTransaction(connection -> remember(connection, events, skippingRepeats).chain(fresh -> {
            List<CountableUsage> counted = fresh == null ? events
                    : events.stream().filter(event -> fresh.contains(event.key())).toList();
            int repeats = events.size() - counted.size();
            if (counted.isEmpty()) {
                return Uni.createFrom().item(new Outcome(0, repeats, 0));
            }
            Map<AggregateKey, HourlyUsage> totals = totals(counted);
            return upsert(connection, totals)
                    .call(ids -> addUniqueValues(connection, totals, ids))
                    // Prepaid tokens are drawn here, for exactly the events this transaction counts first.
                    .call(() -> tokens.drawFor(connection, tokenDraws(counted)))
                    .chain(ids -> correct(connection, ids))
                    .map(corrections -> new Outcome(counted.size(), repeats, corrections));
        }));
    }

    /**
     * Remembers {@code events}: skipping repeats, emits the keys of those not counted before; else emits null (all
     * were new) or fails with {@link RepeatInBatch}.
     */
    private static Uni<Set<UUID>> remember(SqlConnection connection, List<CountableUsage> events, boolean skippingRepeats) {
        UUID[] keys = new UUID[events.size()];
        OffsetDateTime[] times = new OffsetDateTime[events.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = events.get(i).key();
            // Sorted by time, events of one instant are neighbours and share its OffsetDateTime (converting each was
            // 2.5 % of metering-service's CPU samples under batches of 100)
            Instant timestamp = events.get(i).timestamp();
            times[i] = i > 0 && timestamp.equals(events.get(i - 1).timestamp()) ? times[i - 1] : timestamp.atOffset(ZoneOffset.UTC);
        }
        Tuple parameters = Tuple.of(times, keys);
        if (!skippingRepeats) {
            return connection.preparedQuery(REMEMBER_NEW).execute(parameters)
                    .onFailure(WriteConflicts::isUniqueViolation).transform(RepeatInBatch::new)
                    .replaceWith((Set<UUID>) null);
        }
        return connection.preparedQuery(REMEMBER_SKIPPING_REPEATS).execute(parameters).map(rows -> {
            Set<UUID> fresh = new HashSet<>(rows.rowCount() * 2);
            for (Row row : rows) {
                fresh.add(row.getUUID(0));
            }
            return fresh;
        });
    }

    /** A batch remembered as new held an event counted before: its transaction rolls back and it is counted again. */
    private static final class RepeatInBatch extends RuntimeException {

        RepeatInBatch(Throwable violation) {
            super("a batch held an event counted before", violation, false, false);
        }
    }

    static LocalDate dayOf(CountableUsage event) {
        return LocalDate.ofInstant(event.timestamp(), ZoneOffset.UTC);
    }

    private static Map<AggregateKey, HourlyUsage> totals(List<CountableUsage> events) {
        Map<AggregateKey, HourlyUsage> totals = new LinkedHashMap<>();
        for (CountableUsage event : events) {
            totals.computeIfAbsent(event.aggregate(), k -> new HourlyUsage(event.target())).add(event);
        }
        return totals;
    }

    /** The prepaid tokens {@code counted} draws: quantity × rate of each event of a prepaid dimension. */
    private static List<TokenDraw> tokenDraws(List<CountableUsage> counted) {
        List<TokenDraw> draws = new ArrayList<>();
        for (CountableUsage event : counted) {
            if (event.tokenRate() != null && event.quantity().signum() != 0) {
                draws.add(new TokenDraw(event.target().key().customerId(), event.target().vendorId(), dayOf(event),
                        event.quantity().multiply(event.tokenRate())));
            }
        }
        return draws;
    }

    /** Adds each aggregate's batch totals; emits the aggregates' ids by key, and which had closed. */
    private static Uni<Upserted> upsert(SqlConnection connection, Map<AggregateKey, HourlyUsage> totals) {
        int size = totals.size();
        String[] customers = new String[size], vendors = new String[size], listings = new String[size],
                subscriptions = new String[size], dimensions = new String[size], aggregations = new String[size],
                uniqueProperties = new String[size], sums = new String[size], maxes = new String[size],
                latests = new String[size];
        OffsetDateTime[] hours = new OffsetDateTime[size], latestAts = new OffsetDateTime[size];
        Long[] counts = new Long[size];
        int i = 0;
        // Always the same order, so two transactions touching the same aggregates lock them alike.
        List<HourlyUsage> sorted = new ArrayList<>(totals.values());
        sorted.sort(Comparator.comparing((HourlyUsage usage) -> usage.key.customerId())
                .thenComparing(usage -> usage.key.listingId())
                .thenComparing(usage -> String.valueOf(usage.key.subscriptionId()))
                .thenComparing(usage -> usage.key.dimension())
                .thenComparing(usage -> usage.key.hourStart()));
        for (HourlyUsage usage : sorted) {
            customers[i] = usage.key.customerId();
            vendors[i] = usage.vendorId;
            listings[i] = usage.key.listingId();
            subscriptions[i] = usage.key.subscriptionId();
            dimensions[i] = usage.key.dimension();
            hours[i] = usage.key.hourStart().atOffset(ZoneOffset.UTC);
            aggregations[i] = usage.aggregation;
            uniqueProperties[i] = usage.uniqueProperty;
            sums[i] = usage.sum.toPlainString();
            counts[i] = usage.count;
            maxes[i] = usage.max.toPlainString();
            latests[i] = usage.latest.toPlainString();
            latestAts[i] = usage.latestAt.atOffset(ZoneOffset.UTC);
            i++;
        }
        Tuple parameters = Tuple.from(List.of(customers, vendors, listings, subscriptions, dimensions, hours,
                aggregations, uniqueProperties, sums, counts, maxes, latests, latestAts));
        return connection.preparedQuery(UPSERT).execute(parameters).map(Upserted::of);
    }

    private static Uni<Void> addUniqueValues(SqlConnection connection, Map<AggregateKey, HourlyUsage> totals, Upserted ids) {
        List<Long> aggregateIds = new ArrayList<>();
        List<String> values = new ArrayList<>();
        totals.forEach((key, usage) -> {
            Long id = ids.byKey.get(key);
            for (String value : usage.uniqueValues) {
                aggregateIds.add(id);
                values.add(value);
            }
        });
        if (values.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery(ADD_UNIQUE_VALUES)
                .execute(Tuple.of(aggregateIds.toArray(Long[]::new), values.toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** Publishes a correction for every aggregate of the batch whose hour had closed; emits how many. */
    private Uni<Integer> correct(SqlConnection connection, Upserted ids) {
        if (ids.closed.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return connection.preparedQuery(CORRECT)
                .execute(Tuple.of(Topics.METERING_AGGREGATES, UsageAggregateV1.CORRECTED, source,
                        ids.closed.toArray(Long[]::new)))
                .map(RowSet::rowCount); // outbox_event's insert trigger wakes the relay
    }

    /** The upsert's answer: each key's aggregate id, and the ids of those already closed. */
    private record Upserted(Map<AggregateKey, Long> byKey, List<Long> closed) {

        static Upserted of(RowSet<Row> rows) {
            Map<AggregateKey, Long> byKey = new HashMap<>(rows.rowCount() * 2);
            List<Long> closed = new ArrayList<>();
            for (Row row : rows) {
                long id = row.getLong("id");
                byKey.put(new AggregateKey(row.getString("customer_id"), row.getString("listing_id"),
                        row.getString("subscription_id"), row.getString("dimension"),
                        row.getOffsetDateTime("hour_start").toInstant()), id);
                if (row.getBoolean("closed")) {
                    closed.add(id);
                }
            }
            return new Upserted(byKey, closed);
        }
    }
}
