package dev.mercato.metering.aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The day partitions of {@code usage_event_seen}: one per day usage happened on, created a day ahead
 * or when the consumer first meets the day, dropped whole once the day is older than
 * {@code mercato.metering.dedupe-retention} (longer than the backdating window, so ingestion can no
 * longer accept an event of that day, and no id of it can come back).
 */
@ApplicationScoped
public class DedupePartitions {

    private static final Logger LOG = Logger.getLogger(DedupePartitions.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String PREFIX = "usage_event_seen_";

    private final Pool pool;
    private final AggregationConfig config;
    private final Set<LocalDate> known = ConcurrentHashMap.newKeySet();
    private final Clock clock;

    public DedupePartitions(Pool pool, AggregationConfig config, Clock clock) {
        this.clock = clock;
        this.pool = pool;
        this.config = config;
    }

    /** Makes sure every day of {@code days} has its partition (another instance may be creating it too). */
    public Uni<Void> ensure(Collection<LocalDate> days) {
        List<LocalDate> missing = days.stream().distinct().filter(day -> !known.contains(day)).toList();
        if (missing.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(missing).onItem().transformToUniAndConcatenate(this::create)
                .collect().last().replaceWithVoid();
    }

    /** Creates today's and tomorrow's partitions (UTC) if they do not exist yet. */
    public Uni<Void> ensureAhead() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return ensure(List.of(today, today.plusDays(1)));
    }

    /** Forgets which partitions exist (another instance may have dropped one): the next batch checks again. */
    public void forget() {
        known.clear();
    }

    private Uni<Void> create(LocalDate day) {
        // A concurrent "create if not exists" of the same partition can still fail on the catalog's unique
        // index: then the other one made it, which is all that was needed.
        String sql = "create table if not exists " + PREFIX + SUFFIX.format(day) + " partition of usage_event_seen"
                + " for values from ('" + day + " 00:00+00') to ('" + day.plusDays(1) + " 00:00+00')";
        return pool.query(sql).execute().replaceWithVoid()
                .onFailure().recoverWithUni(failure -> exists(day).map(exists -> {
                    if (!exists) {
                        throw new IllegalStateException("could not create the dedupe partition of " + day, failure);
                    }
                    return null;
                }))
                .invoke(() -> known.add(day));
    }

    private Uni<Boolean> exists(LocalDate day) {
        return pool.preparedQuery("select to_regclass($1) is not null")
                .execute(Tuple.of(PREFIX + SUFFIX.format(day)))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** Drops the partitions of days older than the retention; emits how many. */
    public Uni<Integer> prune() {
        LocalDate oldestKept = LocalDate.ofInstant(clock.instant().minus(config.dedupeRetention()), ZoneOffset.UTC);
        return pool.query("""
                select c.relname from pg_inherits i
                join pg_class c on c.oid = i.inhrelid
                join pg_class p on p.oid = i.inhparent
                where p.relname = 'usage_event_seen'""").execute()
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .map(row -> row.getString(0))
                .filter(name -> name.startsWith(PREFIX)
                        && LocalDate.parse(name.substring(PREFIX.length()), SUFFIX).isBefore(oldestKept))
                .onItem().transformToUniAndConcatenate(name -> pool.query("drop table if exists " + name).execute()
                        .invoke(() -> {
                            known.remove(LocalDate.parse(name.substring(PREFIX.length()), SUFFIX));
                            LOG.infof("dropped %s: its event ids are older than the dedupe retention", name);
                        })
                        .replaceWith(1))
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

}
