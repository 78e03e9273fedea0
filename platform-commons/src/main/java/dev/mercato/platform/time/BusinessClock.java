package dev.mercato.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.mercato.platform.scheduling.PeriodicRounds;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The time of every business decision (an order's date, what is orderable, which hours are closed, which usage is
 * too old or in the future, which billing periods have ended, which contracts expire, when a note or invoice is
 * issued), in UTC. In production it is the system clock.
 * <p>
 * With {@code mercato.test-clock.enabled} (system tests and a local demo suite, never a deployment) it can be moved
 * forward through {@code POST /api/v1/test-clock}, so a month of a marketplace's life passes in seconds. The offset
 * is kept in the service's {@code test_clock} row, so a restarted service keeps it, and every instance reads it back
 * each second. Security time — token lifetimes, revocations, rate limits — and the timing of retries and deliveries
 * stay on the system clock: moving the business clock never makes a token expire or a retry wait.
 */
@Singleton
public class BusinessClock extends Clock {

    private static final Logger LOG = Logger.getLogger(BusinessClock.class);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);

    private final boolean shiftable;
    private final Pool pool;
    private final PeriodicRounds rounds;
    private volatile Duration offset = Duration.ZERO;

    public BusinessClock(@ConfigProperty(name = "mercato.test-clock.enabled", defaultValue = "false") boolean shiftable,
            Pool pool, PeriodicRounds rounds) {
        this.shiftable = shiftable;
        this.pool = pool;
        this.rounds = rounds;
    }

    void load(@Observes StartupEvent event) {
        if (!shiftable) {
            return;
        }
        // Blocking on purpose: a service must not decide anything on the wrong day.
        offset = stored().await().atMost(LOAD_TIMEOUT);
        LOG.warnf("the test clock is on (mercato.test-clock.enabled): business time is %s, %s ahead of the system clock",
                instant(), offset);
        rounds.tick(Duration.ofSeconds(1), () -> stored().subscribe().with(this::follow,
                failure -> LOG.debugf("could not read the test clock (will retry): %s", failure.toString())));
    }

    /** Whether this service accepts {@link #advance}. */
    public boolean shiftable() {
        return shiftable;
    }

    /** How far business time is ahead of the system clock. */
    public Duration offset() {
        return offset;
    }

    /**
     * Moves business time forward by {@code step} (positive), stores it and emits the new offset. Only with the test
     * clock on; time never goes back.
     */
    public Uni<Duration> advance(Duration step) {
        if (!shiftable) {
            throw new IllegalStateException("the test clock is off");
        }
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("business time only moves forward");
        }
        return pool.preparedQuery("""
                insert into test_clock (id, offset_seconds) values (1, $1)
                on conflict (id) do update set offset_seconds = test_clock.offset_seconds + $1
                returning offset_seconds""")
                .execute(Tuple.of(step.toSeconds()))
                .map(rows -> Duration.ofSeconds(rows.iterator().next().getLong("offset_seconds")))
                .invoke(this::follow);
    }

    private Uni<Duration> stored() {
        return pool.query("select offset_seconds from test_clock where id = 1").execute()
                .map(rows -> rows.size() == 0 ? Duration.ZERO : Duration.ofSeconds(rows.iterator().next().getLong(0)));
    }

    private void follow(Duration stored) {
        if (stored.compareTo(offset) > 0) {
            offset = stored;
        }
    }

    @Override
    public Instant instant() {
        Instant now = Instant.now();
        Duration shift = offset;
        return shift.isZero() ? now : now.plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** A clock in {@code zone} that stays {@link #offset() offset} ahead from now on (a snapshot of the offset). */
    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }
}
