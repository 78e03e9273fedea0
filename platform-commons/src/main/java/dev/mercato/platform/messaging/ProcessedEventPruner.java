package dev.mercato.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.mercato.platform.scheduling.PeriodicRounds;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Deletes {@code processed_event} rows older than {@code mercato.inbox.retention}, every {@code prune-every}. */
@ApplicationScoped
public class ProcessedEventPruner {

    private static final Logger LOG = Logger.getLogger(ProcessedEventPruner.class);

    private final Pool pool;
    private final PeriodicRounds rounds;
    private final InboxConfig config;

    public ProcessedEventPruner(Pool pool, PeriodicRounds rounds, InboxConfig config) {
        this.pool = pool;
        this.rounds = rounds;
        this.config = config;
    }

    void schedule(@Observes StartupEvent event) {
        rounds.tick(config.pruneEvery(), () -> prune().subscribe().with(
                deleted -> LOG.debugf("pruned %d processed_event rows", deleted),
                failure -> LOG.warnf("could not prune processed_event: %s", failure.toString())));
    }

    /** Deletes the expired rows now; emits how many. */
    public Uni<Integer> prune() {
        return pool.preparedQuery("delete from processed_event where processed_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.retention().toSeconds()))
                .map(rows -> rows.rowCount());
    }
}
