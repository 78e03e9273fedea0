package dev.mercato.platform.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Keeps the service's queue tables (the outbox, the inbox, a service's own queues) free of dead rows when the
 * PostgreSQL server does not: with {@code autovacuum} off, every update and delete of a queue row leaves a dead
 * version that later claims walk past, and a queue that is fast on a fresh table slows down tenfold within hours
 * (docs/BENCHMARKS.md). In {@code auto} mode (the default) the service checks the server's setting once at start;
 * with autovacuum on it does nothing, with it off it warns once and runs {@code vacuum (analyze)} on each listed table
 * that has gathered {@code min-dead-rows} dead rows, every {@code interval}. Such a vacuum blocks no reads or writes,
 * as long as it does not give the empty pages at the table's end back to the operating system: that takes an exclusive
 * lock, for up to seconds, and a queue reuses them soon anyway ({@code truncate false}). A failed round is logged and
 * counted, and the next one tries again.
 */
@Singleton
public class QueueTableVacuum {

    private static final Logger LOG = Logger.getLogger(QueueTableVacuum.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private static final String DEAD_ROWS = """
            select relname from pg_stat_user_tables
            where schemaname = current_schema() and relname = any($1) and n_dead_tup >= $2
            order by n_dead_tup desc""";

    private final Pool pool;
    private final Vertx vertx;
    private final VacuumConfig config;
    private final MeterRegistry registry;
    private final List<String> tables;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean active;
    private long timerId = -1;

    public QueueTableVacuum(Pool pool, Vertx vertx, VacuumConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config;
        this.registry = registry;
        this.tables = tables(config.tables());
    }

    /** The configured table names, each checked to be a plain identifier (they are written into the statement). */
    static List<String> tables(List<String> configured) {
        List<String> names = new ArrayList<>();
        for (String name : configured) {
            String table = name.strip();
            if (!IDENTIFIER.matcher(table).matches()) {
                throw new IllegalArgumentException("mercato.vacuum.tables: '" + name
                        + "' is not a lower-case table name (letters, digits and underscores)");
            }
            names.add(table);
        }
        return List.copyOf(names);
    }

    void start(@Observes StartupEvent event) {
        if (config.mode() == VacuumConfig.Mode.OFF || tables.isEmpty()) {
            return;
        }
        pool.query("select current_setting('autovacuum') = 'off' as off").execute()
                .subscribe().with(rows -> {
                    boolean autovacuumOff = rows.iterator().next().getBoolean("off");
                    if (config.mode() == VacuumConfig.Mode.AUTO && !autovacuumOff) {
                        LOG.debugf("the server's autovacuum is on: the queue tables %s are left to it", tables);
                        return;
                    }
                    if (autovacuumOff) {
                        LOG.warnf("the PostgreSQL server runs with autovacuum off: this service vacuums its queue "
                                + "tables %s itself every %s (mercato.vacuum.*); turn autovacuum on for every other "
                                + "table", tables, config.interval());
                    }
                    active = true;
                    timerId = vertx.setPeriodic(config.interval().toMillis(), id -> round());
                }, failure -> LOG.warnf("could not read the server's autovacuum setting; the queue tables are not "
                        + "vacuumed by this service: %s", failure.toString()));
    }

    void stop(@Observes ShutdownEvent event) {
        active = false;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** Whether this instance vacuums its queue tables (the mode and, in {@code auto}, the server's setting). */
    public boolean active() {
        return active;
    }

    private void round() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        vacuumNow().eventually(() -> running.set(false)).subscribe().with(
                vacuumed -> LOG.debugf("vacuumed %s", vacuumed),
                failure -> {
                    registry.counter("mercato.vacuum.failures").increment();
                    LOG.warnf("the queue tables could not be vacuumed (will retry in %s): %s", config.interval(),
                            failure.toString());
                });
    }

    /** Vacuums, one after another, the listed tables that have {@code min-dead-rows} dead rows; emits their names. */
    public Uni<List<String>> vacuumNow() {
        return pool.preparedQuery(DEAD_ROWS).execute(Tuple.of(tables.toArray(String[]::new), config.minDeadRows()))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .map(row -> row.getString("relname"))
                .onItem().transformToUniAndConcatenate(this::vacuum)
                .collect().asList();
    }

    private Uni<String> vacuum(String table) {
        long started = System.nanoTime();
        return pool.query("vacuum (analyze, truncate false) " + table).execute()
                .map(ignored -> {
                    registry.timer("mercato.vacuum.duration", "table", table)
                            .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    return table;
                });
    }
}
