package dev.mercato.metering.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What became of one event of a request.
 *
 * @param status     {@code accepted} (durable in Kafka; a repeat of an earlier event is accepted too and counted
 *                   once) or {@code rejected}
 * @param reasonCode for a rejection, one of {@link Rejection}
 * @param reason     for a rejection, one sentence saying why
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventOutcome(int index, String eventId, String status, String reasonCode, String reason) {

    static final String ACCEPTED = "accepted";
    static final String REJECTED = "rejected";

    static EventOutcome accepted(int index, String eventId) {
        return new EventOutcome(index, eventId, ACCEPTED, null, null);
    }

    static EventOutcome rejected(int index, String eventId, Rejection rejection, String reason) {
        return new EventOutcome(index, eventId, REJECTED, rejection.name(), reason);
    }

    boolean isAccepted() {
        return ACCEPTED.equals(status);
    }
}
