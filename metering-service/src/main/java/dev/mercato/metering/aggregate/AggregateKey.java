package dev.mercato.metering.aggregate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.mercato.platform.events.UsageEventV1;

/** What an hourly aggregate is of: a customer's use of a listing dimension under a subscription, in an hour. */
record AggregateKey(String customerId, String listingId, String subscriptionId, String dimension, Instant hourStart) {

    static AggregateKey of(UsageEventV1 event) {
        return new AggregateKey(event.customerId(), event.listingId(), event.subscriptionId(), event.dimension(),
                event.timestamp().truncatedTo(ChronoUnit.HOURS));
    }
}
