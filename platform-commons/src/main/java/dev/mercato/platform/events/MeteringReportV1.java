package dev.mercato.platform.events;

import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The outcome of one usage report (one ingestion request), as metering-service publishes it on
 * {@link Topics#METERING_REPORTS} keyed by the report id, after its accepted events are durable:
 * type {@value #CONFIRMED} when every event was accepted (webhooks call it {@code metering.confirmed}),
 * {@value #FAILED} when at least one was rejected ({@code metering.failed}). A report sent again with
 * the same idempotency key has the same id and the same outcome.
 *
 * @param shape    the report shape: {@code metering-event}, {@code metering} or {@code usage}
 * @param accepted how many events were accepted (repeats of earlier events included)
 * @param rejected each rejected event with its position in the report and the reason
 */
@RegisterForReflection // read and written by Jackson outside REST (Kafka payloads)
public record MeteringReportV1(
        String id,
        String shape,
        String vendorId,
        String listingId,
        String customerId,
        String status,
        int accepted,
        List<RejectedEventV1> rejected,
        Instant receivedAt) {

    public static final String CONFIRMED = "mercato.metering.report.confirmed.v1";
    public static final String FAILED = "mercato.metering.report.failed.v1";

    /** A rejected event: its index in the report, its id when it had one, and why. */
    @RegisterForReflection // part of a Kafka payload
    public record RejectedEventV1(int index, String eventId, String customerId, String dimension, String reason) {
    }
}
