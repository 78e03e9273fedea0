package dev.mercato.identity.token;

import java.time.Duration;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.mercato.platform.scheduling.PeriodicRounds;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Hourly, forgets what can no longer matter: refresh tokens a day past their expiry (kept that long so a
 * late reuse is still recognised as such) and revocations past {@code expires_at}, when every token they
 * could match has expired anyway.
 */
@Singleton
public class TokenHousekeeping {

    private static final Logger LOG = Logger.getLogger(TokenHousekeeping.class);

    private final Pool pool;
    private final PeriodicRounds rounds;

    public TokenHousekeeping(Pool pool, PeriodicRounds rounds) {
        this.pool = pool;
        this.rounds = rounds;
    }

    void schedule(@Observes StartupEvent event) {
        rounds.tick(Duration.ofMinutes(2), Duration.ofHours(1), this::purge);
    }

    private void purge() {
        pool.query("delete from refresh_token where expires_at < now() - interval '1 day'").execute()
                .chain(() -> pool.query("delete from credential_revocation where expires_at < now()").execute())
                .subscribe().with(ignored -> { },
                        failure -> LOG.warnf("expired refresh tokens and revocations could not be deleted: %s",
                                failure.getMessage()));
    }
}
