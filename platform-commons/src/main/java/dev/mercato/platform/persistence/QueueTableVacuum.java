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
 * with autovacuum on it does nothing, with it off it warns once and, every {@code interval}, vacuums each listed table
 * that has gathered {@code min-dead-rows} dead rows and analyses each whose rows changed as much as makes autovacuum
 * analyse one (the server's {@code autovacuum_analyze_threshold} plus {@code autovacuum_analyze_scale_factor} of its
 * rows). Analysing reads a sample of the whole table, so analysing a large table at every vacuum cost more than the
 * vacuum itself and grew with the table (docs/BENCHMARKS.md). Such a vacuum blocks no reads or writes, as long as it
 * does not give the empty pages at the table's end back to the operating system: that takes an exclusive lock, for up
 * to seconds, and a queue reuses them soon anyway ({@code truncate false}). A failed round is logged and counted, and
 * the next one tries again.
 */
@Singleton
public class QueueTableVacuum {

    private static final Logger LOG = Logger.getLogger(QueueTableVacuum.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** The listed tables that need a vacuum (dead rows) or an analyse (rows changed since the last), most dead first. */
    private static final String DUE = """
            select relname, needs_vacuum, needs_analyze from (
                select s.relname, s.n_dead_tup, s.n_dead_tup >= $2 as needs_vacuum,
                       s.n_mod_since_analyze >= current_setting('autovacuum_analyze_threshold')::float8
                           + current_setting('autovacuum_analyze_scale_factor')::float8 * greatest(c.reltuples, 0) as needs_analyze
                from pg_stat_user_tables s join pg_class c on c.oid = s.relid
                where s.schemaname = current_schema() and s.relname = any($1)) due
            where needs_vacuum or needs_analyze
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

    /**
     * Vacuums, one after another, the listed tables that have {@code min-dead-rows} dead rows, and analyses those due
     * for it; emits the names of the tables it did either to.
     */
    public Uni<List<String>> vacuumNow() {
        return pool.preparedQuery(DUE).execute(Tuple.of(tables.toArray(String[]::new), config.minDeadRows()))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .map(row -> new Due(row.getString("relname"), row.getBoolean("needs_vacuum"), row.getBoolean("needs_analyze")))
                .onItem().transformToUniAndConcatenate(this::vacuum)
                .collect().asList();
    }

    /** A table and what it is due for (at least one of the two). */
    record Due(String table, boolean vacuum, boolean analyse) {

        /** The statement that does it. */
        String statement() {
            if (!vacuum) {
                return "analyze " + table;
            }
            return (analyse ? "vacuum (analyze, truncate false) " : "vacuum (truncate false) ") + table;
        }
    }

    private Uni<String> vacuum(Due due) {
        String table = due.table();
        long started = System.nanoTime();
        return pool.query(due.statement()).execute()
                .map(ignored -> {
                    registry.timer("mercato.vacuum.duration", "table", table)
                            .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    return table;
                });
    }
}
