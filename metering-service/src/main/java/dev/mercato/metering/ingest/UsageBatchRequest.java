package dev.mercato.metering.ingest;

import java.util.List;

/** {@code POST /api/v1/usage}: up to {@code mercato.metering.max-batch} events of the single-event form. */
public record UsageBatchRequest(List<UsageEventRequest> events) {
}
