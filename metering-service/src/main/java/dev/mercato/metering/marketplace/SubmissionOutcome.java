package dev.mercato.metering.marketplace;

import java.util.List;

/**
 * What a marketplace made of one submitted record.
 *
 * @param status   ACCEPTED, DUPLICATE (it already had the hour), REJECTED or EXPIRED (final), or RETRY (not
 *                 processed: throttled, unprocessed or a failed call — sent again after a backoff)
 * @param reason   the marketplace's own status or error code, for anything not accepted
 * @param recordId the marketplace's id of the record, when it gives one
 */
record SubmissionOutcome(String submissionId, String status, String reason, String recordId) {

    static final String ACCEPTED = "ACCEPTED";
    static final String DUPLICATE = "DUPLICATE";
    static final String REJECTED = "REJECTED";
    static final String EXPIRED = "EXPIRED";
    static final String RETRY = "RETRY";

    static SubmissionOutcome retry(Submission submission, String reason) {
        return new SubmissionOutcome(submission.id(), RETRY, reason, null);
    }

    /** Every record of {@code batch} to send again, for {@code reason}. */
    static List<SubmissionOutcome> retryAll(List<Submission> batch, String reason) {
        return batch.stream().map(submission -> retry(submission, reason)).toList();
    }

    /** Every record of {@code batch} rejected, for {@code reason}. */
    static List<SubmissionOutcome> rejectAll(List<Submission> batch, String reason) {
        return batch.stream().map(submission -> new SubmissionOutcome(submission.id(), REJECTED, reason, null)).toList();
    }
}
