package dev.mercato.platform.security.revocation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.mercato.platform.events.CredentialRevokedV1;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * Fills the {@link RevocationList} from {@code revoked_credential} at start-up, before the HTTP
 * server accepts requests (Quarkus opens it after the start-up observers), and forgets expired
 * entries, in memory and in the table, every {@value #CLEANUP_MINUTES} minutes.
 */
@ApplicationScoped
public class RevocationListLoader {

    private static final Logger LOG = Logger.getLogger(RevocationListLoader.class);
    private static final long CLEANUP_MINUTES = 10;
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);

    private final RevocationList revocations;
    private final RevokedCredentials table;
    private final Vertx vertx;
    private long cleanupTimer = -1;

    public RevocationListLoader(RevocationList revocations, RevokedCredentials table, Vertx vertx) {
        this.revocations = revocations;
        this.table = table;
        this.vertx = vertx;
    }

    void load(@Observes StartupEvent event) {
        // Blocking on purpose: a service that cannot know what was revoked must not serve.
        List<CredentialRevokedV1> stored = table.unexpired(Instant.now()).await().atMost(LOAD_TIMEOUT);
        stored.forEach(revocations::add);
        LOG.infof("deny list loaded: %d revoked credential(s)", stored.size());
        cleanupTimer = vertx.setPeriodic(Duration.ofMinutes(CLEANUP_MINUTES).toMillis(), id -> cleanup());
    }

    void stop(@Observes ShutdownEvent event) {
        if (cleanupTimer >= 0) {
            vertx.cancelTimer(cleanupTimer);
        }
    }

    private void cleanup() {
        Instant now = Instant.now();
        revocations.removeExpired(now);
        table.deleteExpired(now).subscribe().with(
                deleted -> LOG.debugf("deleted %d expired revocation(s)", deleted),
                failure -> LOG.warnf("could not delete expired revocations (will retry): %s", failure.toString()));
    }
}
