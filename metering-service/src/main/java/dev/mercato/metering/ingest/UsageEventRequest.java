package dev.mercato.metering.ingest;

import java.util.Map;

/**
 * One usage event as a vendor reports it ({@code POST /api/v1/metering-event}, and each element of
 * {@code POST /api/v1/usage}). Types are checked when the body is read (a number for a string is a malformed
 * body); values are checked per event, so that one bad event of a batch does not hold back the others.
 *
 * @param vendor     optional marketplace (aws, azure, direct); when given it must be the listing's
 * @param quantity   a non-negative decimal, as a JSON number or a numeric string
 * @param timestamp  ISO 8601 instant of the usage, required: a retry carries the same one and counts once
 * @param eventId    the caller's id for the event, making a repeat recognisable; derived when absent
 * @param properties string properties (a dimension may count the distinct values of one)
 */
public record UsageEventRequest(
        String vendor,
        String customerId,
        String listingId,
        String dimension,
        Quantity quantity,
        String timestamp,
        String eventId,
        Map<String, String> properties) {
}
