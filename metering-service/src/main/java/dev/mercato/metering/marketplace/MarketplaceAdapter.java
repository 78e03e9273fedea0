package dev.mercato.metering.marketplace;

import java.util.List;

import io.smallrye.mutiny.Uni;

/** Sends claimed hours to one marketplace in its own format and limits, and reads back each record's outcome. */
interface MarketplaceAdapter {

    /** {@code aws} or {@code azure}, as listings name their marketplace. */
    String marketplace();

    /** At most this many records go in one call. */
    int maxBatch();

    /** Whether an endpoint is configured; without one nothing is sent. */
    boolean configured();

    /**
     * Sends {@code batch} (at most {@link #maxBatch()} records, for AWS all of one product) and emits one outcome
     * per record; never fails (a failed call is a {@link SubmissionOutcome#RETRY} of every record).
     */
    Uni<List<SubmissionOutcome>> submit(List<Submission> batch);
}
