package dev.mercato.metering.ingest;

import java.util.List;

/**
 * The answer to a report or batch: the report's id and outcome ({@code CONFIRMED} when every event was accepted,
 * else {@code FAILED}), the counts, and every event's outcome in request order.
 */
public record IngestResult(String reportId, String status, int accepted, int rejected, List<EventOutcome> events) {
}
