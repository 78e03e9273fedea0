package dev.mercato.console.session;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/** Sweeps ended sessions once a minute, and provides the clock sessions are timed by. */
@ApplicationScoped
public class SessionHousekeeping {

    private final SessionStore store;
    private final Vertx vertx;

    public SessionHousekeeping(SessionStore store, Vertx vertx) {
        this.store = store;
        this.vertx = vertx;
    }

    void schedule(@Observes StartupEvent event) {
        vertx.setPeriodic(Duration.ofMinutes(1).toMillis(), id -> store.sweep());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
