package dev.mercato.metering.aggregate;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.mercato.platform.events.Topics;
import dev.mercato.platform.events.UsageAggregateV1;
import dev.mercato.platform.scheduling.PeriodicRounds;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Closes the hours whose grace has passed (by business time, {@link dev.mercato.platform.time.BusinessClock}): marks their aggregates closed and writes each to the outbox
 * for {@code metering.aggregates}, in one statement per round. Rows are claimed with
 * {@code for update skip locked}, so two sweeps at once (two instances) close each aggregate once, and
 * an aggregate the consumer is changing right now is simply closed by the next round.
 */
@ApplicationScoped
public class HourClosing {

    private static final Logger LOG = Logger.getLogger(HourClosing.class);
    private static final int ROUND = 2000;

    private static final String CLOSE = """
            with a as (
                update usage_aggregate u set closed_at = $6::timestamptz, revision = 1, published_value = u.declared_value
                where u.id in (select id from usage_aggregate
                               where closed_at is null
                                 and hour_start <= $6::timestamptz - interval '1 hour' - make_interval(secs => $4)
                               order by hour_start, id limit $5 for update skip locked)
                returning u.*, null::numeric as previous_value)
            """ + AggregateWriter.TO_OUTBOX;

    private final Pool pool;
    private final PeriodicRounds rounds;
    private final AggregationConfig config;
    private final DedupePartitions partitions;
    private final String source;
    private final Clock clock;

    public HourClosing(Pool pool, PeriodicRounds rounds, AggregationConfig config, DedupePartitions partitions,
            @ConfigProperty(name = "quarkus.application.name") String applicationName, Clock clock) {
        this.clock = clock;
        this.pool = pool;
        this.rounds = rounds;
        this.config = config;
        this.partitions = partitions;
        this.source = "/mercato/" + applicationName;
    }

    void schedule(@Observes StartupEvent event) {
        rounds.tick(config.closeSweepEvery(), () -> closeDue().subscribe().with(
                closed -> {
                    if (closed > 0) {
                        LOG.infof("closed %d hourly usage aggregates", closed);
                    }
                },
                failure -> LOG.warnf("could not close usage hours (will retry): %s", failure.toString())));
        // Today's and tomorrow's partitions exist before their first event (creating one waits for every batch
        // in progress); days older than the retention are dropped.
        rounds.tick(Duration.ofMillis(1), Duration.ofHours(1), () -> partitions.ensureAhead()
                .chain(partitions::prune).subscribe().with(
                        dropped -> LOG.debugf("dropped %d dedupe partitions", dropped),
                        failure -> LOG.warnf("could not prepare or drop dedupe partitions: %s", failure.toString())));
    }

    /** Closes and publishes every aggregate whose hour is past its grace; emits how many. */
    public Uni<Integer> closeDue() {
        return round().chain(closed -> closed < ROUND ? Uni.createFrom().item(closed)
                : closeDue().map(more -> closed + more));
    }

    private Uni<Integer> round() {
        return pool.withTransaction(connection -> connection.preparedQuery(CLOSE)
                .execute(Tuple.from(List.of(Topics.METERING_AGGREGATES, UsageAggregateV1.CLOSED, source,
                        (double) config.closeGrace().toSeconds(), ROUND, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))))
                .map(rows -> rows.rowCount())); // outbox_event's insert trigger wakes the relay
    }
}
