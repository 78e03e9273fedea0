package dev.mercato.metering.aggregate;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.mercato.platform.events.UsageEventV1;
import dev.mercato.platform.messaging.PoisonEventException;

/**
 * Reads {@code metering.usage} records into usage events, refusing (as poison) any that could never be
 * counted: not JSON, a missing field, a negative quantity, an unknown measure, a value too long to store.
 * Fields a newer producer adds are ignored, so it can evolve the event without stopping the aggregation.
 */
final class UsageRecords {

    static final Set<String> AGGREGATIONS = Set.of("SUM", "COUNT", "MAX", "LATEST", "UNIQUE_COUNT");
    private static final int MAX_ID = 200;
    private static final int MAX_REFERENCE = 64;
    private static final int MAX_UNIQUE_VALUE = 500;
    /** numeric(38, 12) holds 26 digits before the point: room for an hour's sum of a hundred million of these. */
    private static final BigDecimal LARGEST_QUANTITY = new BigDecimal("1e18");
    /** Usage outside these years names no hour worth keeping (and no day partition PostgreSQL can name). */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private final ObjectReader reader;

    UsageRecords(ObjectMapper json) {
        this.reader = json.readerFor(UsageEventV1.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    UsageEventV1 read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw poison(record, "has no body");
        }
        UsageEventV1 event;
        try {
            event = reader.readValue(record.value());
        } catch (IOException e) {
            throw poison(record, "is not a usage event: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException jackson ? jackson.getOriginalMessage() : e.getMessage()));
        }
        if (event == null) {
            throw poison(record, "is not a usage event");
        }
        require(record, event.id(), "id", MAX_ID);
        require(record, event.customerId(), "customerId", MAX_REFERENCE);
        require(record, event.listingId(), "listingId", MAX_REFERENCE);
        require(record, event.dimension(), "dimension", MAX_REFERENCE);
        optional(record, event.vendorId(), "vendorId");
        optional(record, event.subscriptionId(), "subscriptionId");
        optional(record, event.uniqueProperty(), "uniqueProperty");
        if (event.timestamp() == null || event.timestamp().isBefore(EARLIEST) || !event.timestamp().isBefore(LATEST)) {
            throw poison(record, "has no timestamp or one outside 2000-2199: " + event.timestamp());
        }
        if (event.quantity() == null || event.quantity().signum() < 0 || event.quantity().abs().compareTo(LARGEST_QUANTITY) >= 0
                || event.quantity().scale() > 12) {
            throw poison(record, "has no quantity, a negative one or one that cannot be stored: " + event.quantity());
        }
        String aggregation = aggregationOf(event);
        if (!AGGREGATIONS.contains(aggregation)) {
            throw poison(record, "names an unknown aggregation: " + aggregation);
        }
        if ("UNIQUE_COUNT".equals(aggregation) && event.uniqueProperty() == null) {
            throw poison(record, "counts unique values but names no unique property");
        }
        Map<String, String> properties = event.properties();
        if (event.uniqueProperty() != null && properties != null) {
            String value = properties.get(event.uniqueProperty());
            if (value != null && value.length() > MAX_UNIQUE_VALUE) {
                throw poison(record, "has a " + event.uniqueProperty() + " longer than " + MAX_UNIQUE_VALUE + " characters");
            }
        }
        return event;
    }

    /** The declared measure; events from before dimensions declared one were summed. */
    static String aggregationOf(UsageEventV1 event) {
        return event.aggregation() == null ? "SUM" : event.aggregation();
    }

    private static void require(ConsumerRecord<?, ?> record, String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw poison(record, "has no " + field);
        }
        if (value.length() > max) {
            throw poison(record, "has a " + field + " longer than " + max + " characters");
        }
    }

    private static void optional(ConsumerRecord<?, ?> record, String value, String field) {
        if (value != null && value.length() > MAX_REFERENCE) {
            throw poison(record, "has a " + field + " longer than " + MAX_REFERENCE + " characters");
        }
    }

    private static PoisonEventException poison(ConsumerRecord<?, ?> record, String what) {
        return new PoisonEventException("record " + record.topic() + "-" + record.partition() + "@" + record.offset() + " " + what);
    }
}
