package dev.mercato.metering.consume;

import io.smallrye.mutiny.Uni;

/** What a {@link BatchConsumer} does with its records: gathers them into batches and writes each in one transaction. */
public interface BatchHandler<B extends RecordBatch> {

    /** An empty batch to read records into. */
    B newBatch();

    /**
     * Writes the batch in one database transaction; completes once it has committed. It may be called again for the same
     * batch (after a failure, or when the batch is re-delivered after a crash): writing a batch twice must change nothing.
     */
    Uni<Void> write(B batch);

    /** Called after an attempt to write a batch failed or took too long, before it is retried. */
    default void failed(Throwable failure) {
    }
}
