package dev.mercato.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;

import dev.mercato.platform.messaging.CloudEventHeaders;
import dev.mercato.platform.tracing.StoredTrace;
import dev.mercato.platform.web.RequestIds;
import io.vertx.mutiny.sqlclient.Row;

/** An outbox row the relay read and is about to send: what a Kafka record is built from. */
record PendingEvent(long id, String eventId, String topic, String key, String type, String source, String subject,
        Instant occurredAt, String requestId, String payload, StoredTrace trace) {

    /** The columns {@link #from} reads. */
    static final String COLUMNS = "id, event_id, topic, message_key, event_type, source, subject, occurred_at, request_id,"
            + " payload, trace_parent, trace_state";

    static PendingEvent from(Row row) {
        return new PendingEvent(row.getLong("id"), row.getString("event_id"), row.getString("topic"),
                row.getString("message_key"), row.getString("event_type"), row.getString("source"),
                row.getString("subject"), row.getOffsetDateTime("occurred_at").toInstant(), row.getString("request_id"),
                row.getString("payload"), new StoredTrace(row.getString("trace_parent"), row.getString("trace_state")));
    }

    /** Key = aggregate id, value = the JSON body, CloudEvents attributes and the request id as headers. */
    ProducerRecord<String, byte[]> toRecord() {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, payload.getBytes(StandardCharsets.UTF_8));
        CloudEventHeaders.write(record.headers(), eventId, source, type, subject, occurredAt);
        if (requestId != null) {
            record.headers().add(new RecordHeader(RequestIds.KAFKA_HEADER, requestId.getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    /** What the logs may say about the event: never its payload. */
    String describe() {
        return "event " + eventId + " (" + type + ", outbox id " + id + ") for topic " + topic;
    }
}
