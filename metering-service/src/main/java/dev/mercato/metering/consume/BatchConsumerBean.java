package dev.mercato.metering.consume;

import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** A bean that handles a topic's batches: its {@link BatchConsumer} starts with the application, when enabled, and stops with it. */
public abstract class BatchConsumerBean<B extends RecordBatch> implements BatchHandler<B> {

    /** The consumer this bean handles the batches of. */
    protected abstract BatchConsumer<B> consumer();

    /** Whether the consumer starts with the application (off only where a test drives it, or another instance consumes). */
    protected abstract boolean enabled();

    void onStart(@Observes StartupEvent event) {
        if (enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts consuming from the group's committed offsets (no-op when running). */
    public void start() {
        consumer().start();
    }

    /** Stops after the batch in hand (its transaction and commit finish, or it is re-delivered later). */
    public void stop() {
        consumer().stop();
    }
}
