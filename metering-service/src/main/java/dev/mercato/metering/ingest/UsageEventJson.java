package dev.mercato.metering.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import dev.mercato.platform.events.UsageAcceptedV2;
import dev.mercato.platform.events.UsageEventV1;

/**
 * Writes the {@link UsageAcceptedV2} records of accepted usage events as the JSON Jackson's data binding writes for
 * them (same fields, order, nulls and number and date forms — {@code UsageEventJsonTest} compares the two), with the
 * streaming generator: writing every accepted event by data binding was a sixth of a batch's CPU.
 */
final class UsageEventJson {

    private static final JsonFactory FACTORY = new JsonFactory();
    // Field names encoded once: encoding them for every event was a twentieth of a batch's CPU.
    private static final SerializableString ID = new SerializedString("id");
    private static final SerializableString REPORT_ID = new SerializedString("reportId");
    private static final SerializableString CUSTOMER_ID = new SerializedString("customerId");
    private static final SerializableString VENDOR_ID = new SerializedString("vendorId");
    private static final SerializableString LISTING_ID = new SerializedString("listingId");
    private static final SerializableString SUBSCRIPTION_ID = new SerializedString("subscriptionId");
    private static final SerializableString DIMENSION = new SerializedString("dimension");
    private static final SerializableString QUANTITY = new SerializedString("quantity");
    private static final SerializableString TIMESTAMP = new SerializedString("timestamp");
    private static final SerializableString RECEIVED_AT = new SerializedString("receivedAt");
    private static final SerializableString PROPERTIES = new SerializedString("properties");
    private static final SerializableString AGGREGATION = new SerializedString("aggregation");
    private static final SerializableString UNIQUE_PROPERTY = new SerializedString("uniqueProperty");
    private static final SerializableString TOKEN_RATE = new SerializedString("tokenRate");
    private static final SerializableString EVENTS = new SerializedString("events");

    private UsageEventJson() {
    }

    /**
     * The values of {@link UsageAcceptedV2} records for {@code events}, in their order: {@code {"events": [...]}}, each
     * event as data binding writes a {@link UsageEventV1}, a new value begun once one holds {@code maxBytes} or more.
     *
     * @param timestamps each event's {@code timestamp} as {@code Instant.toString} formats it
     * @param receivedAt their {@code receivedAt}, formatted so (one request's events share it)
     */
    static List<byte[]> writeAccepted(List<UsageEventV1> events, Function<Instant, String> timestamps, String receivedAt,
            int maxBytes) {
        List<byte[]> values = new ArrayList<>(1);
        Repeats repeats = new Repeats();
        ByteArrayBuilder bytes = null;
        JsonGenerator json = null;
        try {
            for (UsageEventV1 event : events) {
                if (json != null && bytes.size() + json.getOutputBuffered() >= maxBytes) {
                    values.add(finish(json, bytes));
                    json = null;
                }
                if (json == null) {
                    bytes = new ByteArrayBuilder(Math.min(maxBytes, 512 * events.size()));
                    json = FACTORY.createGenerator(bytes);
                    json.writeStartObject();
                    json.writeFieldName(EVENTS);
                    json.writeStartArray();
                }
                write(json, event, timestamps.apply(event.timestamp()), receivedAt, repeats);
            }
            if (json != null) {
                values.add(finish(json, bytes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write usage events", e);
        }
        return values;
    }

    private static byte[] finish(JsonGenerator json, ByteArrayBuilder bytes) throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.close();
        return bytes.toByteArray();
    }

    private static void write(JsonGenerator json, UsageEventV1 event, String timestamp, String receivedAt, Repeats repeats)
            throws IOException {
        json.writeStartObject();
        json.writeFieldName(ID);
        value(json, event.id());
        repeated(json, REPORT_ID, event.reportId(), repeats, 0);
        repeated(json, CUSTOMER_ID, event.customerId(), repeats, 1);
        repeated(json, VENDOR_ID, event.vendorId(), repeats, 2);
        repeated(json, LISTING_ID, event.listingId(), repeats, 3);
        repeated(json, SUBSCRIPTION_ID, event.subscriptionId(), repeats, 4);
        repeated(json, DIMENSION, event.dimension(), repeats, 5);
        number(json, QUANTITY, event.quantity());
        repeated(json, TIMESTAMP, timestamp, repeats, 6);
        repeated(json, RECEIVED_AT, receivedAt, repeats, 7);
        json.writeFieldName(PROPERTIES);
        if (event.properties() == null) {
            json.writeNull();
        } else {
            json.writeStartObject();
            int slot = Repeats.FIRST_PROPERTY;
            for (Map.Entry<String, String> property : event.properties().entrySet()) {
                json.writeFieldName(repeats.encoded(slot++, property.getKey()));
                String value = property.getValue();
                if (value == null) {
                    json.writeNull();
                } else {
                    json.writeString(repeats.encoded(slot++, value));
                }
            }
            json.writeEndObject();
        }
        repeated(json, AGGREGATION, event.aggregation(), repeats, 8);
        repeated(json, UNIQUE_PROPERTY, event.uniqueProperty(), repeats, 9);
        number(json, TOKEN_RATE, event.tokenRate());
        json.writeEndObject();
    }

    /** A string field whose value a request's events mostly share: written from its encoded form when it repeats. */
    private static void repeated(JsonGenerator json, SerializableString name, String value, Repeats repeats, int slot)
            throws IOException {
        json.writeFieldName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(repeats.encoded(slot, value));
        }
    }

    private static void value(JsonGenerator json, String value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else {
            json.writeString(value);
        }
    }

    private static void number(JsonGenerator json, SerializableString name, BigDecimal value) throws IOException {
        json.writeFieldName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value);
        }
    }

    /**
     * The last value written in each place of an event, quoted and encoded as UTF-8 once. The events of one request
     * mostly share their report, customer, vendor, listing, dimension, times and properties; escaping and encoding
     * each of them again for every event was most of writing a batch's records (docs/BENCHMARKS.md).
     */
    private static final class Repeats {

        static final int FIRST_PROPERTY = 10;

        private SerializedString[] last = new SerializedString[FIRST_PROPERTY + 4];

        SerializableString encoded(int slot, String value) {
            if (slot >= last.length) {
                last = Arrays.copyOf(last, slot * 2);
            }
            SerializedString known = last[slot];
            if (known == null || !known.getValue().equals(value)) {
                known = new SerializedString(value);
                last[slot] = known;
            }
            return known;
        }
    }
}
