package dev.mercato.metering.ingest;

/** The answer to an accepted single event: its id, the id of the report that carried it, and {@code accepted}. */
public record SingleEventResult(String eventId, String reportId, String status) {
}
