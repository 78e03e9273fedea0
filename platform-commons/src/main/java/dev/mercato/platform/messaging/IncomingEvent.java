package dev.mercato.platform.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mercato.platform.tracing.StoredTrace;
import dev.mercato.platform.tracing.TraceContexts;
import dev.mercato.platform.web.RequestIds;

/**
 * A domain event read from Kafka: its CloudEvents attributes, JSON body and the W3C trace context it was published
 * in (empty when its producer did not trace). {@link #from} refuses
 * records that can never be processed with a {@link PoisonEventException}.
 */
public record IncomingEvent(String id, String type, String source, String subject, Instant time,
        String requestId, String topic, String key, JsonNode data, StoredTrace trace) {

    public static IncomingEvent from(ConsumerRecord<String, String> record, ObjectMapper json) {
        String id = CloudEventHeaders.read(record.headers(), CloudEventHeaders.ID);
        String type = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE);
        if (id == null || id.isBlank() || type == null || type.isBlank()) {
            throw new PoisonEventException("record " + coordinates(record) + " has no ce_id or ce_type header");
        }
        if (record.value() == null) {
            throw new PoisonEventException("record " + coordinates(record) + " has no body");
        }
        try {
            JsonNode data = json.readTree(record.value());
            if (data == null || !data.isObject()) {
                throw new PoisonEventException("record " + coordinates(record) + " body is not a JSON object");
            }
            String time = CloudEventHeaders.read(record.headers(), CloudEventHeaders.TIME);
            return new IncomingEvent(id, type, CloudEventHeaders.read(record.headers(), CloudEventHeaders.SOURCE),
                    CloudEventHeaders.read(record.headers(), CloudEventHeaders.SUBJECT),
                    time == null ? null : Instant.parse(time),
                    CloudEventHeaders.read(record.headers(), RequestIds.KAFKA_HEADER),
                    record.topic(), record.key(), data,
                    new StoredTrace(CloudEventHeaders.read(record.headers(), TraceContexts.TRACEPARENT),
                            CloudEventHeaders.read(record.headers(), TraceContexts.TRACESTATE)));
        } catch (JsonProcessingException | DateTimeParseException e) {
            throw new PoisonEventException("record " + coordinates(record) + " is malformed: " + e.getMessage(), e);
        }
    }

    /** The body as {@code type}; a body that does not fit is poison. */
    public <T> T dataAs(Class<T> type, ObjectMapper json) {
        try {
            return json.treeToValue(data, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonEventException("event " + id + " (" + this.type + ") does not fit " + type.getSimpleName(), e);
        }
    }

    private static String coordinates(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
