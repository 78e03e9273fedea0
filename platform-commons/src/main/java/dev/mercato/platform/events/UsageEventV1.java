package dev.mercato.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One accepted unit of usage, normalised from whichever report shape carried it, as metering-service's
 * ingestion publishes it on {@link Topics#METERING_USAGE} with the other events of its report and customer
 * ({@link UsageAcceptedV2}), keyed by the customer id so one customer's usage stays in order. A record of type
 * {@value #ACCEPTED} carries one such event alone (what earlier builds published; still read). Published only after
 * validation; the record is durable ({@code acks=all}) before the caller is answered. The same {@code id} may arrive
 * more than once (a caller's retry, a producer retry after a crash): consumers count it once.
 *
 * @param id             the caller's event id, or one derived deterministically from the report
 * @param reportId       the report (request) that carried it; its outcome is a {@link MeteringReportV1}
 * @param customerId     the tenant organization that used it
 * @param vendorId       the vendor organization that owns the listing
 * @param listingId      the metered listing
 * @param subscriptionId the subscription serial number when known (from the entitlement), else null
 * @param dimension      the listing dimension's key
 * @param quantity       decimal, never negative, at most the dimension's decimals
 * @param timestamp      when the usage happened (decides its hour)
 * @param receivedAt     when metering-service accepted it
 * @param properties     free-form string properties (a dimension may count unique values of one)
 * @param aggregation    the dimension's declared measure (SUM, COUNT, MAX, LATEST, UNIQUE_COUNT), stamped at
 *                       acceptance so the aggregation needs no listing read model (it never changes)
 * @param uniqueProperty for UNIQUE_COUNT, the property whose distinct values are counted, else null
 * @param tokenRate      prepaid tokens one unit draws, or null when the dimension is not prepaid
 */
@RegisterForReflection // read and written by Jackson outside REST (Kafka payloads)
public record UsageEventV1(
        String id,
        String reportId,
        String customerId,
        String vendorId,
        String listingId,
        String subscriptionId,
        String dimension,
        BigDecimal quantity,
        Instant timestamp,
        Instant receivedAt,
        Map<String, String> properties,
        String aggregation,
        String uniqueProperty,
        BigDecimal tokenRate) {

    public static final String ACCEPTED = "mercato.metering.usage.accepted.v1";
}
