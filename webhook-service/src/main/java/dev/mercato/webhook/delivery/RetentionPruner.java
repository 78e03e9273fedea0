package dev.mercato.webhook.delivery;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.mercato.webhook.WebhookConfig;
import dev.mercato.platform.scheduling.PeriodicRounds;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deletes delivered and failed messages (their attempts with them) older than {@code mercato.webhooks.retention},
 * every {@code prune-interval}, in batches. Pending messages are never pruned.
 */
@Singleton
public class RetentionPruner {

    private static final Logger LOG = Logger.getLogger(RetentionPruner.class);
    static final int BATCH = 5000;

    private final Pool pool;
    private final PeriodicRounds rounds;
    private final WebhookConfig config;
    private final MeterRegistry registry;

    public RetentionPruner(Pool pool, PeriodicRounds rounds, WebhookConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.rounds = rounds;
        this.config = config;
        this.registry = registry;
    }

    void schedule(@Observes StartupEvent event) {
        rounds.tick(config.pruneInterval(), () -> prune().subscribe().with(
                pruned -> {
                    if (pruned > 0) {
                        LOG.infof("pruned %d webhook message(s) past retention", pruned);
                    }
                },
                failure -> LOG.warnf("webhook messages could not be pruned (will retry): %s", failure.toString())));
    }

    /** Deletes everything past retention; emits how many messages. */
    public Uni<Integer> prune() {
        return pool.preparedQuery("""
                delete from webhook_message where id in (
                    select id from webhook_message
                    where status <> 'PENDING' and created_at < now() - make_interval(secs => $1::float8)
                    limit $2)""")
                .execute(Tuple.of((double) config.retention().toSeconds(), BATCH))
                .chain(rows -> {
                    int deleted = rows.rowCount();
                    registry.counter("mercato.webhooks.messages.pruned").increment(deleted);
                    return deleted < BATCH ? Uni.createFrom().item(deleted) : prune().map(more -> deleted + more);
                });
    }
}
