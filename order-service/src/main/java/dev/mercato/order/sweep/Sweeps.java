package dev.mercato.order.sweep;

import java.util.function.Supplier;

import jakarta.inject.Singleton;

import dev.mercato.platform.scheduling.PeriodicRounds;
import io.smallrye.mutiny.Uni;

/** Runs order-service's date sweeps every {@code mercato.orders.sweep-interval} ({@link PeriodicRounds}). */
@Singleton
public class Sweeps {

    private final PeriodicRounds rounds;
    private final SweepConfig config;

    public Sweeps(PeriodicRounds rounds, SweepConfig config) {
        this.rounds = rounds;
        this.config = config;
    }

    /** Schedules {@code sweep} (which emits how many things it did), described as {@code what} in the log. */
    public void every(String what, Supplier<Uni<Integer>> sweep) {
        rounds.every(what, config.sweepInterval(), sweep);
    }
}
