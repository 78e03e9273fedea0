package dev.mercato.identity.audit;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.mercato.platform.scheduling.PeriodicRounds;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deletes audit events older than {@code mercato.identity.audit.retention}, hourly, in bounded chunks so
 * that a large backlog never holds a long lock. Every issued token is an event, so the table grows fast.
 */
@Singleton
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class);
    private static final int CHUNK = 10_000;

    private final Pool pool;
    private final PeriodicRounds rounds;
    private final Duration retention;

    public AuditRetention(Pool pool, PeriodicRounds rounds, AuditConfig config) {
        this.pool = pool;
        this.rounds = rounds;
        this.retention = config.retention();
    }

    void schedule(@Observes StartupEvent event) {
        rounds.tick(Duration.ofMinutes(1), Duration.ofHours(1), this::purge);
    }

    private void purge() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(retention);
        pool.preparedQuery("delete from audit_event where id in "
                + "(select id from audit_event where occurred_at < $1 limit " + CHUNK + ")")
                .execute(Tuple.of(cutoff))
                .subscribe().with(
                        rows -> {
                            if (rows.rowCount() == CHUNK) {
                                purge();
                            }
                        },
                        failure -> LOG.warnf("old audit events could not be deleted: %s", failure.getMessage()));
    }
}
