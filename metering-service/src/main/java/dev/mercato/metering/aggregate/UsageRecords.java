package dev.mercato.metering.aggregate;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import dev.mercato.metering.time.Instants;
import dev.mercato.platform.events.UsageAcceptedV2;
import dev.mercato.platform.events.UsageEventV1;
import dev.mercato.platform.messaging.CloudEventHeaders;
import dev.mercato.platform.messaging.PoisonEventException;

/**
 * Reads {@code metering.usage} records into usage events — one event a record, or a report's events of one customer
 * ({@link UsageAcceptedV2}) — refusing (as poison) any that could never be counted: not JSON, a missing field, a
 * negative quantity, an unknown measure, a value too long to store. Of a record of several, the others still count.
 * Fields a newer producer adds are ignored, so it can evolve the event without stopping the aggregation.
 * Read with the streaming parser, as ingestion writes them ({@code UsageEventJson}): data binding, its duplicate-key
 * checks and the JDK's instant formatter allocated a third of the service's garbage at 60,000 events a second.
 * A field holds what data binding would take for it: text for an id (a number or boolean as its text), a number
 * or numeric text for a quantity, ISO 8601 text for an instant, an object of texts for the properties.
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

    private static final JsonFactory FACTORY = new JsonFactory();

    UsageRecords() {
    }

    /** What a record holds: the events that can be counted, and what is wrong with the others (null when nothing is). */
    record Read(List<UsageEventV1> events, String poison) {
    }

    /**
     * The events of {@code record}, one ({@link UsageEventV1#ACCEPTED}) or several ({@link UsageAcceptedV2#TYPE}).
     *
     * @throws PoisonEventException when none of it can be read, or its one event could never be counted
     */
    Read read(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            throw poison(record, "has no body");
        }
        boolean several = UsageAcceptedV2.TYPE.equals(CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE));
        try (JsonParser json = FACTORY.createParser(record.value())) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(json, "not a JSON object");
            }
            return several ? readSeveral(record, json) : new Read(List.of(checked(record, event(json))), null);
        } catch (JsonProcessingException e) {
            throw poison(record, "is not usage: " + e.getOriginalMessage());
        } catch (IOException | NumberFormatException e) {
            throw poison(record, "is not usage: " + e.getMessage());
        }
    }

    /** {@code {"events": [...]}}: the events that can be counted, and the first problem of those that cannot. */
    private static Read readSeveral(ConsumerRecord<String, byte[]> record, JsonParser json) throws IOException {
        List<UsageEventV1> events = null;
        String firstProblem = null;
        int unusable = 0;
        for (String field = json.nextFieldName(); field != null; field = json.nextFieldName()) {
            if (!"events".equals(field)) {
                json.nextToken();
                json.skipChildren();
                continue;
            }
            if (json.nextToken() != JsonToken.START_ARRAY) {
                throw new JsonParseException(json, "an array expected for events");
            }
            events = new ArrayList<>();
            for (int index = 0; json.nextToken() == JsonToken.START_OBJECT; index++) {
                UsageEventV1 event = event(json);
                String problem = problem(event);
                if (problem == null) {
                    events.add(event);
                } else if (unusable++ == 0) {
                    firstProblem = "event " + index + " " + problem;
                }
            }
            if (json.currentToken() != JsonToken.END_ARRAY) {
                throw new JsonParseException(json, "an event object expected in events");
            }
        }
        if (events == null) {
            throw poison(record, "has no events");
        }
        String poison = unusable == 0 ? null : describe(record, firstProblem
                + (unusable > 1 ? " (and " + (unusable - 1) + " more events that cannot be counted)" : ""));
        return new Read(events, poison);
    }

    private static UsageEventV1 checked(ConsumerRecord<?, ?> record, UsageEventV1 event) {
        String problem = problem(event);
        if (problem != null) {
            throw poison(record, problem);
        }
        return event;
    }

    /** Why {@code event} could never be counted, or null when it can be. */
    private static String problem(UsageEventV1 event) {
        String problem = firstOf(required(event.id(), "id", MAX_ID), required(event.customerId(), "customerId", MAX_REFERENCE),
                required(event.listingId(), "listingId", MAX_REFERENCE), required(event.dimension(), "dimension", MAX_REFERENCE),
                optional(event.vendorId(), "vendorId"), optional(event.subscriptionId(), "subscriptionId"),
                optional(event.uniqueProperty(), "uniqueProperty"));
        if (problem != null) {
            return problem;
        }
        if (event.timestamp() == null || event.timestamp().isBefore(EARLIEST) || !event.timestamp().isBefore(LATEST)) {
            return "has no timestamp or one outside 2000-2199: " + event.timestamp();
        }
        if (event.quantity() == null || event.quantity().signum() < 0 || event.quantity().abs().compareTo(LARGEST_QUANTITY) >= 0
                || event.quantity().scale() > 12) {
            return "has no quantity, a negative one or one that cannot be stored: " + event.quantity();
        }
        String aggregation = aggregationOf(event);
        if (!AGGREGATIONS.contains(aggregation)) {
            return "names an unknown aggregation: " + aggregation;
        }
        if ("UNIQUE_COUNT".equals(aggregation) && event.uniqueProperty() == null) {
            return "counts unique values but names no unique property";
        }
        Map<String, String> properties = event.properties();
        if (event.uniqueProperty() != null && properties != null) {
            String value = properties.get(event.uniqueProperty());
            if (value != null && value.length() > MAX_UNIQUE_VALUE) {
                return "has a " + event.uniqueProperty() + " longer than " + MAX_UNIQUE_VALUE + " characters";
            }
        }
        return null;
    }

    /** The event object the parser is at the start of, read to its end. */
    private static UsageEventV1 event(JsonParser json) throws IOException {
        String id = null, reportId = null, customerId = null, vendorId = null, listingId = null, subscriptionId = null,
                dimension = null, aggregation = null, uniqueProperty = null;
        BigDecimal quantity = null, tokenRate = null;
        Instant timestamp = null, receivedAt = null;
        Map<String, String> properties = null;
        for (String field = json.nextFieldName(); field != null; field = json.nextFieldName()) {
            json.nextToken();
            switch (field) {
                case "id" -> id = text(json);
                case "reportId" -> reportId = text(json);
                case "customerId" -> customerId = text(json);
                case "vendorId" -> vendorId = text(json);
                case "listingId" -> listingId = text(json);
                case "subscriptionId" -> subscriptionId = text(json);
                case "dimension" -> dimension = text(json);
                case "quantity" -> quantity = decimal(json);
                case "timestamp" -> timestamp = instant(json);
                case "receivedAt" -> receivedAt = instant(json);
                case "properties" -> properties = properties(json);
                case "aggregation" -> aggregation = text(json);
                case "uniqueProperty" -> uniqueProperty = text(json);
                case "tokenRate" -> tokenRate = decimal(json);
                default -> json.skipChildren();
            }
        }
        if (json.currentToken() != JsonToken.END_OBJECT) {
            throw new JsonParseException(json, "a field name or the end of the object expected");
        }
        return new UsageEventV1(id, reportId, customerId, vendorId, listingId, subscriptionId, dimension, quantity,
                timestamp, receivedAt, properties, aggregation, uniqueProperty, tokenRate);
    }

    private static String text(JsonParser json) throws IOException {
        JsonToken token = json.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!token.isScalarValue()) {
            throw new JsonParseException(json, "text expected for " + json.currentName());
        }
        return json.getText();
    }

    private static BigDecimal decimal(JsonParser json) throws IOException {
        return switch (json.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> json.getDecimalValue();
            case VALUE_STRING -> new BigDecimal(json.getText().trim());
            default -> throw new JsonParseException(json, "a number expected for " + json.currentName());
        };
    }

    private static Instant instant(JsonParser json) throws IOException {
        String text = text(json);
        if (text == null) {
            return null;
        }
        Instant instant = Instants.parse(text);
        if (instant == null) {
            throw new JsonParseException(json, "an ISO 8601 instant expected for " + json.currentName());
        }
        return instant;
    }

    private static Map<String, String> properties(JsonParser json) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (json.currentToken() != JsonToken.START_OBJECT) {
            throw new JsonParseException(json, "an object expected for properties");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (String name = json.nextFieldName(); name != null; name = json.nextFieldName()) {
            json.nextToken();
            properties.put(name, text(json));
        }
        return properties;
    }

    /** The declared measure; events from before dimensions declared one were summed. */
    static String aggregationOf(UsageEventV1 event) {
        return event.aggregation() == null ? "SUM" : event.aggregation();
    }

    private static String firstOf(String... problems) {
        for (String problem : problems) {
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return "has no " + field;
        }
        return value.length() > max ? "has a " + field + " longer than " + max + " characters" : null;
    }

    private static String optional(String value, String field) {
        return value != null && value.length() > MAX_REFERENCE
                ? "has a " + field + " longer than " + MAX_REFERENCE + " characters" : null;
    }

    private static PoisonEventException poison(ConsumerRecord<?, ?> record, String what) {
        return new PoisonEventException(describe(record, what));
    }

    private static String describe(ConsumerRecord<?, ?> record, String what) {
        return "record " + record.topic() + "-" + record.partition() + "@" + record.offset() + " " + what;
    }
}
