package dev.mercato.metering.ingest;

import java.util.Map;

/**
 * One event of a request, whatever its shape, before validation: its position in the request and the id it
 * will have (the caller's, or derived). {@code timestamp} is the text sent, null for "when received".
 */
record UsageCandidate(
        int index,
        String eventId,
        String vendor,
        String customerId,
        String listingId,
        String dimension,
        Quantity quantity,
        String timestamp,
        Map<String, String> properties) {
}
