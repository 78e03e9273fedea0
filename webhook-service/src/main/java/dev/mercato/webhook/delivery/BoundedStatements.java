package dev.mercato.webhook.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.mercato.webhook.WebhookConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;

/**
 * The engine's statements that look a subject's pending messages up run under {@code mercato.webhooks.claim-timeout}:
 * a claim of minutes (statistics taken while the table held no pending message once made the planner read every
 * pending message of an endpoint for each candidate; a lock held on the table) would leave the instance sending
 * nothing (docs/BENCHMARKS.md, "A backlog that stalled the engine"). A statement cut short is
 * logged, counted ({@code mercato.webhooks.statement.timeouts{statement}}) and answered with {@code analyze
 * webhook_message}, at most once per {@code claim-analyze-interval}; the engine goes on either way.
 */
@Singleton
public class BoundedStatements {

    private static final Logger LOG = Logger.getLogger(BoundedStatements.class);

    /** SQLSTATE query_canceled: PostgreSQL's answer when {@code statement_timeout} cut a statement short. */
    private static final String QUERY_CANCELED = "57014";

    /** A bounded statement: its name in the metric, and what the engine does when it was cut short. */
    enum Statement {
        CLAIM("claim", "nothing was claimed this round and the next round claims again"),
        HOLD_SUBJECT("hold-subject", "the failed attempt is not recorded and its message is sent again after its lease");

        final String metricName;
        final String consequence;

        Statement(String metricName, String consequence) {
            this.metricName = metricName;
            this.consequence = consequence;
        }
    }

    private final Pool pool;
    private final WebhookConfig config;
    private final MeterRegistry registry;
    private final AtomicReference<Instant> lastAnalyze = new AtomicReference<>(Instant.EPOCH);

    public BoundedStatements(Pool pool, WebhookConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.config = config;
        this.registry = registry;
    }

    /**
     * Runs {@code sql} on the engine's own connections ({@link DeliveryPool}), whose every statement already runs under
     * the claim timeout: one round trip, no transaction around it.
     */
    Uni<RowSet<Row>> execute(Pool deliveryPool, Statement statement, String sql, Tuple arguments) {
        return deliveryPool.preparedQuery(sql).execute(arguments)
                .onFailure(BoundedStatements::timedOut).invoke(() -> cutShort(statement));
    }

    /**
     * Runs {@code sql} under the claim timeout inside {@code transaction}, then gives the rest of the transaction the
     * session's timeout back ({@code set local} ends with the transaction at the latest, so a pooled connection never
     * keeps the timeout).
     */
    Uni<RowSet<Row>> executeInTransaction(SqlClient transaction, Statement statement, String sql, Tuple arguments) {
        return transaction.query("set local statement_timeout = " + config.claimTimeout().toMillis()).execute()
                .chain(() -> transaction.preparedQuery(sql).execute(arguments))
                .call(() -> transaction.query("set local statement_timeout to default").execute())
                .onFailure(BoundedStatements::timedOut).invoke(() -> cutShort(statement));
    }

    /** Whether {@code failure} is a statement PostgreSQL cancelled, as it does at the claim timeout. */
    static boolean timedOut(Throwable failure) {
        return failure instanceof PgException pg && QUERY_CANCELED.equals(pg.getSqlState());
    }

    private void cutShort(Statement statement) {
        registry.counter("mercato.webhooks.statement.timeouts", "statement", statement.metricName).increment();
        boolean analyze = analyzeDue();
        LOG.warnf("the webhook %s statement ran longer than mercato.webhooks.claim-timeout (%s) and was cancelled (a lock on "
                + "webhook_message, or a plan made from stale statistics): %s, and %s", statement.metricName,
                config.claimTimeout(), statement.consequence, analyze ? "webhook_message is analysed now"
                        : "webhook_message is not analysed again within " + config.claimAnalyzeInterval());
        if (analyze) {
            refreshStatistics();
        }
    }

    /** Whether no analyze started within {@code claim-analyze-interval}; if so, this caller's starts now. */
    private boolean analyzeDue() {
        Instant now = Instant.now();
        Instant last = lastAnalyze.get();
        return !now.isBefore(last.plus(config.claimAnalyzeInterval())) && lastAnalyze.compareAndSet(last, now);
    }

    /** {@code analyze webhook_message}; a failure is logged and changes nothing else. */
    private void refreshStatistics() {
        Instant started = Instant.now();
        pool.query("analyze webhook_message").execute().subscribe().with(
                done -> LOG.infof("webhook_message analysed in %d ms after a statement timeout",
                        Duration.between(started, Instant.now()).toMillis()),
                failure -> LOG.warnf("webhook_message could not be analysed after a statement timeout (the engine goes "
                        + "on; the next timeout after %s tries again): %s", config.claimAnalyzeInterval(),
                        failure.toString()));
    }
}
