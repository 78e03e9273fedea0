package dev.mercato.metering.load;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How many ingestion requests this instance is answering right now. Callers wait for ingestion; the aggregation,
 * which counts behind it through Kafka, defers to it: while ingestion is busy, the aggregation pauses between its
 * batches and leaves the cores to the requests (README, "Ingestion first").
 */
@ApplicationScoped
public class IngestionLoad {

    private final AtomicInteger inFlight = new AtomicInteger();

    /** A request began waiting for its events to be made durable. */
    public void started() {
        inFlight.incrementAndGet();
    }

    /** That request was answered, failed or abandoned by its caller. */
    public void finished() {
        inFlight.decrementAndGet();
    }

    /** Whether any request is being answered now. */
    public boolean busy() {
        return inFlight.get() > 0;
    }
}
