package dev.mercato.platform.events;

import java.math.BigDecimal;
import java.time.Instant;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One customer's usage of one listing dimension in one hour, as metering-service publishes it on
 * {@link Topics#METERING_AGGREGATES} keyed by the aggregate id: type {@value #CLOSED} once when the hour
 * closes (after the grace for late events), then {@value #CORRECTED} for every late change, each with the
 * next {@code revision}. Billing keeps the highest revision of each aggregate id.
 *
 * @param hourStart     the start of the hour (UTC) the usage happened in
 * @param aggregation   the dimension's declared measure: SUM, COUNT, MAX, LATEST or UNIQUE_COUNT
 * @param latest        the quantity of the event with the latest timestamp in the hour
 * @param uniqueCount   distinct values of the dimension's unique property, 0 when it declares none
 * @param value         the declared measure's value: what billing charges for
 * @param revision      1 when closed, one more with each correction
 * @param previousValue for a correction, the value the previous revision published; null when closed
 */
@RegisterForReflection // read and written by Jackson outside REST (Kafka payloads)
public record UsageAggregateV1(
        String id,
        String customerId,
        String vendorId,
        String listingId,
        String subscriptionId,
        String dimension,
        Instant hourStart,
        String aggregation,
        BigDecimal sum,
        long count,
        BigDecimal max,
        BigDecimal latest,
        long uniqueCount,
        BigDecimal value,
        int revision,
        BigDecimal previousValue) {

    public static final String CLOSED = "mercato.metering.aggregate.closed.v1";
    public static final String CORRECTED = "mercato.metering.aggregate.corrected.v1";
}
