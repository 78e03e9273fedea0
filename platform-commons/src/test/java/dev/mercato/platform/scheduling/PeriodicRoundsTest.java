package dev.mercato.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

class PeriodicRoundsTest {

    private final Vertx vertx = Vertx.vertx();
    private final PeriodicRounds rounds = new PeriodicRounds(vertx);

    @AfterEach
    void closeVertx() {
        vertx.closeAndAwait();
    }

    @Test
    void nothingRunsOnceTheServiceShutsDown() throws InterruptedException {
        AtomicInteger ticks = new AtomicInteger();
        AtomicInteger roundsRun = new AtomicInteger();
        rounds.tick(Duration.ofMillis(5), ticks::incrementAndGet);
        rounds.every("test rounds", Duration.ofMillis(5), () -> Uni.createFrom().item(roundsRun.incrementAndGet()));
        waitUntil(() -> ticks.get() >= 3 && roundsRun.get() >= 3);

        rounds.stop(null);
        int ticksAtStop = ticks.get();
        int roundsAtStop = roundsRun.get();
        rounds.tick(Duration.ofMillis(5), ticks::incrementAndGet); // scheduled too late: never runs
        Thread.sleep(100);

        // a tick already queued on the event loop when the timers were cancelled may still run once
        assertThat(ticks.get()).isLessThanOrEqualTo(ticksAtStop + 1);
        assertThat(roundsRun.get()).isLessThanOrEqualTo(roundsAtStop + 1);
    }

    @Test
    void aRoundStillRunningIsNotStartedAgain() throws InterruptedException {
        AtomicInteger started = new AtomicInteger();
        rounds.every("never ending", Duration.ofMillis(5), () -> {
            started.incrementAndGet();
            return Uni.createFrom().nothing();
        });
        Thread.sleep(100);

        assertThat(started.get()).isEqualTo(1);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
