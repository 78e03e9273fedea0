package dev.mercato.metering.marketplace;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Sends claimed hours to one marketplace in its own format and limits, and reads back each record's outcome.
 * A subclass writes the request and reads the answer; a call that gets no answer (timeout, connection refused)
 * is a {@link SubmissionOutcome#RETRY} of every record.
 */
abstract class MarketplaceAdapter {

    protected final MarketplaceHttp http;
    protected final ObjectMapper json;
    private final String marketplace;
    private final int maxBatch;

    MarketplaceAdapter(String marketplace, int maxBatch, MarketplaceHttp http, ObjectMapper json) {
        this.marketplace = marketplace;
        this.maxBatch = maxBatch;
        this.http = http;
        this.json = json;
    }

    /** {@code aws} or {@code azure}, as listings name their marketplace. */
    String marketplace() {
        return marketplace;
    }

    /** At most this many records go in one call. */
    int maxBatch() {
        return maxBatch;
    }

    /** Where the marketplace's API is; none: nothing is sent. */
    abstract Optional<URI> endpoint();

    boolean configured() {
        return endpoint().isPresent();
    }

    /**
     * Sends {@code batch} (at most {@link #maxBatch()} records, for AWS all of one product) and emits one outcome
     * per record; never fails.
     */
    Uni<List<SubmissionOutcome>> submit(List<Submission> batch) {
        Map<String, Submission> byKey = new HashMap<>();
        HttpRequest.Builder request = request(endpoint().orElseThrow(), batch, byKey);
        return http.send(request)
                .map(answer -> outcomes(answer, batch, byKey))
                .onFailure().recoverWithItem(failure -> SubmissionOutcome.retryAll(batch, "CALL_FAILED"));
    }

    /** The call carrying {@code batch}; puts each submission in {@code byKey} under the key the answer names it by. */
    abstract HttpRequest.Builder request(URI endpoint, List<Submission> batch, Map<String, Submission> byKey);

    /** Every record's outcome in {@code answer}; any record of {@code byKey} it does not name is sent again. */
    abstract List<SubmissionOutcome> outcomes(MarketplaceHttp.Answer answer, List<Submission> batch,
            Map<String, Submission> byKey);
}
