package dev.mercato.platform.outbox;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.mercato.platform.persistence.OwnConnections;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The relay's own database connection, and with it the relay lock: a session-level advisory lock, so that one
 * instance relays at a time. An instance that finds the lock taken keeps its connection and asks again on its next
 * round (a standby). A connection that closes — database restart, network, {@code pg_terminate_backend} — releases
 * the lock, and the next round connects again. Its statements commit without waiting for the WAL flush
 * ({@code synchronous_commit = off}): a published mark lost in a database crash only sends those events again,
 * which consumers recognise by their id. Its statements are planned once per connection
 * ({@code plan_cache_mode = force_generic_plan}): the published mark, {@code id = any($1)}, was otherwise planned anew
 * for every batch (PostgreSQL preferred a custom plan costed with the array's length), 0.2 ms of the server's CPU per
 * batch, and batches are small at a steady rate (docs/BENCHMARKS.md). Each statement here has one plan whatever its
 * parameters: by primary key, or through the pending index.
 */
@ApplicationScoped
public class RelayConnection {

    private static final Logger LOG = Logger.getLogger(RelayConnection.class);
    /** How the connection shows in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "mercato-outbox-relay";
    static final long RELAY_LOCK = 0x6d65726361746fL; // "mercato"
    /** Run-time parameters of the connection. */
    static final Map<String, String> SETTINGS = Map.of("synchronous_commit", "off",
            "plan_cache_mode", "force_generic_plan");

    private final Vertx vertx;
    private final OwnConnections database;
    private volatile PgConnection connection;
    private volatile boolean leader;

    public RelayConnection(Vertx vertx, OwnConnections database) {
        this.vertx = vertx;
        this.database = database;
    }

    /** The connection while this instance holds the relay lock (taking it when free); null while another does. */
    Uni<SqlConnection> asLeader() {
        return open().chain(open -> leader
                ? Uni.createFrom().item(open)
                : open.query("select pg_try_advisory_lock(" + RELAY_LOCK + ")").execute().map(rows -> {
                    leader = rows.iterator().next().getBoolean(0);
                    if (leader) {
                        LOG.info("this instance holds the outbox relay lock and relays the outbox");
                    }
                    return leader ? open : null;
                }));
    }

    private Uni<PgConnection> open() {
        PgConnection current = connection;
        if (current != null) {
            return Uni.createFrom().item(current);
        }
        return PgConnection.connect(vertx, database.options(APPLICATION_NAME, SETTINGS))
                .invoke(opened -> {
                    leader = false;
                    connection = opened;
                    opened.closeHandler(() -> lost(opened));
                });
    }

    private void lost(PgConnection closed) {
        if (connection != closed) {
            return;
        }
        if (leader) {
            LOG.warn("the outbox relay's database connection closed, and with it the relay lock; the next round"
                    + " connects again");
        }
        connection = null;
        leader = false;
    }

    void close() {
        PgConnection current = connection;
        connection = null;
        leader = false;
        if (current != null) {
            current.closeAndForget();
        }
    }
}
