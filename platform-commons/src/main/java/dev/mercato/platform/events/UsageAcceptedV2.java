package dev.mercato.platform.events;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The accepted usage events of one report for one customer, as metering-service's ingestion publishes them on
 * {@link Topics#METERING_USAGE} (type {@value #TYPE}), keyed by the customer id: one record for all of them, split
 * only where a record would pass {@value #MAX_BYTES} bytes, the events in the order the report gave them. One record
 * per event ({@link UsageEventV1#ACCEPTED}, still read) cost the producer, the broker and the aggregation a record's
 * headers and bookkeeping for each event.
 *
 * @param events each one as {@link UsageEventV1} describes it; consumers count each id once, whatever record carried it
 */
@RegisterForReflection // read and written by Jackson outside REST (Kafka payloads)
public record UsageAcceptedV2(List<UsageEventV1> events) {

    public static final String TYPE = "mercato.metering.usage.accepted.v2";

    /** The largest value a record of this type is given (the broker's default limit is 1 MiB). */
    public static final int MAX_BYTES = 512 * 1024;
}
