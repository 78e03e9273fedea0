package dev.mercato.metering.aggregate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;

import dev.mercato.metering.ids.NameBasedUuids;
import dev.mercato.platform.events.UsageEventV1;

/**
 * What the aggregation keeps of a usage event while its batch waits for the database: the key it is remembered by,
 * the aggregate it adds to, and its amount. A batch holds tens of thousands of events; kept whole, with their
 * properties, report ids and every id string of their own, they filled the heap faster than the young collections
 * could let them die. Events of one aggregate share one {@link Target} (see {@link #of}).
 *
 * @param key         the name-based UUID the event is remembered by ({@link #keyOf})
 * @param target      the aggregate and how it measures
 * @param uniqueValue the event's value of the target's unique property, or null
 * @param quantity    never negative
 * @param timestamp   when the usage happened
 * @param tokenRate   prepaid tokens a unit draws, or null
 */
record CountableUsage(UUID key, Target target, String uniqueValue, BigDecimal quantity, Instant timestamp,
        BigDecimal tokenRate) {

    /**
     * The order of {@code usage_event_seen}'s primary key: usage time, then key as PostgreSQL compares uuids (byte by
     * byte, so each half unsigned; {@link UUID#compareTo} compares them signed).
     */
    static final Comparator<CountableUsage> INDEX_ORDER = (a, b) -> {
        // by hand: a batch of 18,000 events is sorted with about 250,000 comparisons, none of which should box a long
        int byTime = a.timestamp().compareTo(b.timestamp());
        if (byTime != 0) {
            return byTime;
        }
        int byHigh = Long.compareUnsigned(a.key().getMostSignificantBits(), b.key().getMostSignificantBits());
        return byHigh != 0 ? byHigh : Long.compareUnsigned(a.key().getLeastSignificantBits(), b.key().getLeastSignificantBits());
    };

    /** An aggregate and what every event of it declares alike: its vendor, measure and unique property. */
    record Target(AggregateKey key, String vendorId, String aggregation, String uniqueProperty) {
    }

    /** {@code event} as kept, its target the one already in {@code targets} when an earlier event named it. */
    static CountableUsage of(UsageEventV1 event, Map<Target, Target> targets) {
        Target target = new Target(AggregateKey.of(event), event.vendorId(), UsageRecords.aggregationOf(event),
                event.uniqueProperty());
        Target shared = targets.putIfAbsent(target, target);
        String uniqueValue = event.uniqueProperty() == null || event.properties() == null ? null
                : event.properties().get(event.uniqueProperty());
        return new CountableUsage(keyOf(event), shared == null ? target : shared, uniqueValue, event.quantity(),
                event.timestamp(), event.tokenRate());
    }

    /**
     * The event as it is remembered: a name-based UUID (16 bytes whatever the id's length) of its vendor and id.
     * A caller's own event id is unique only within its vendor, so two vendors' events with the same id are two
     * events (ids ingestion derives name the reporting organization already).
     */
    static UUID keyOf(UsageEventV1 event) {
        return NameBasedUuids.of(event.vendorId() + "\n" + event.id());
    }

    AggregateKey aggregate() {
        return target.key();
    }
}
