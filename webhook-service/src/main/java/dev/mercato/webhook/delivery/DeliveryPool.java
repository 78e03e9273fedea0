package dev.mercato.webhook.delivery;

import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import dev.mercato.platform.persistence.OwnConnections;
import dev.mercato.webhook.WebhookConfig;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.PoolOptions;

/**
 * The engine's own connections, for the statements whose loss in a database crash only means a message is sent again:
 * the claim (a lease) and the delivered marks. They commit with {@code synchronous_commit = off}: the commit returns
 * before its WAL is flushed (PostgreSQL flushes within a fraction of a second), so at 1,000 deliveries a second the
 * engine no longer waits for hundreds of disk flushes a second, which made its slowest deliveries wait for the disk's
 * slowest flushes. A crash of the database server (not of this service) may lose the last fraction of a second of them:
 * those messages are PENDING again and are sent again with the same {@code webhook-id} — at-least-once, as always. What
 * must not be lost commits on the shared pool, synchronously: stored messages (the fan-out), failed attempts and their
 * consequences (back-off, circuit, disabling).
 * <p>
 * Its statements are planned once per connection ({@code plan_cache_mode = force_generic_plan}). PostgreSQL otherwise
 * re-planned the claim on every execution (its custom plans, costed with the actual limits, always looked cheaper than
 * the generic one): 0.8 ms of planning for every claim, more than the claim itself (docs/BENCHMARKS.md, "Webhook
 * delivery"). Every statement here is shaped to one plan whatever its parameters (the partial indexes' predicates,
 * V9 and V10), and a plan is made again when the table's statistics change.
 * <p>
 * Every statement here runs under {@code mercato.webhooks.claim-timeout} ({@code statement_timeout} of the connection,
 * {@link BoundedStatements}): each reads or writes a bounded set of rows, and one held up (a lock, a plan made from
 * misleading statistics) must not stall the engine. Set once per connection, the timeout costs the claim nothing; set
 * per claim, it took a transaction and three more round trips to the database for every claim.
 */
@Singleton
public class DeliveryPool {

    static final String APPLICATION_NAME = "webhook-delivery";
    static final int SIZE = 2;

    private final Pool pool;

    public DeliveryPool(Vertx vertx, OwnConnections connections, WebhookConfig config) {
        this.pool = Pool.newInstance(PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(SIZE).setName(APPLICATION_NAME))
                .connectingTo(connections.options(APPLICATION_NAME, Map.of("synchronous_commit", "off",
                        "plan_cache_mode", "force_generic_plan",
                        "statement_timeout", Long.toString(config.claimTimeout().toMillis()))))
                .using(vertx.getDelegate())
                .build());
    }

    /**
     * The pool; statements on it commit without waiting for the WAL flush, are planned once per connection and are
     * cancelled after {@code claim-timeout}.
     */
    public Pool pool() {
        return pool;
    }

    @PreDestroy
    void close() {
        pool.closeAndAwait();
    }
}
