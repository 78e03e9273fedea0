package dev.mercato.metering.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import dev.mercato.platform.events.Topics;
import dev.mercato.platform.events.UsageEventV1;
import dev.mercato.platform.messaging.CloudEventHeaders;
import dev.mercato.platform.web.RequestIds;

/**
 * The Kafka records of one request: the CloudEvents headers of {@link CloudEventHeaders#write} plus
 * {@code x-request-id}, in the same order, but those every event of the request shares (spec version, source,
 * type, time, content type, request id) made once and shared by its records, and its instants formatted once
 * (encoding headers and dates for each event was a tenth of a batch's CPU).
 */
final class UsageRecords {

    private final Header specVersion = header(CloudEventHeaders.SPEC_VERSION, "1.0");
    private final Header contentType = header(CloudEventHeaders.CONTENT_TYPE, "application/json");
    private final Header source;
    private final Header time;
    private final Header requestId;
    private final Header usageType = header(CloudEventHeaders.TYPE, UsageEventV1.ACCEPTED);
    private final String receivedAt;
    private Instant lastTimestamp;
    private String lastTimestampText;

    UsageRecords(String source, Instant receivedAt, String requestId) {
        this.source = header(CloudEventHeaders.SOURCE, source);
        this.receivedAt = receivedAt.toString();
        this.time = header(CloudEventHeaders.TIME, this.receivedAt);
        this.requestId = requestId == null ? null : header(RequestIds.KAFKA_HEADER, requestId);
    }

    /** The record of an accepted event on {@code metering.usage}, keyed by its customer. */
    ProducerRecord<String, byte[]> usage(UsageEventV1 event) {
        if (!event.timestamp().equals(lastTimestamp)) {
            lastTimestamp = event.timestamp();
            lastTimestampText = lastTimestamp.toString();
        }
        byte[] value = UsageEventJson.write(event, lastTimestampText, receivedAt);
        return new ProducerRecord<>(Topics.METERING_USAGE, null, event.customerId(), value,
                headers(header(CloudEventHeaders.ID, event.id()), usageType, header(CloudEventHeaders.SUBJECT, event.customerId())));
    }

    /** The record of the request's report on {@code metering.reports}, keyed by its id. */
    ProducerRecord<String, byte[]> report(String reportId, String type, byte[] value) {
        Header id = header(CloudEventHeaders.ID, reportId);
        return new ProducerRecord<>(Topics.METERING_REPORTS, null, reportId, value,
                headers(id, header(CloudEventHeaders.TYPE, type), header(CloudEventHeaders.SUBJECT, reportId)));
    }

    private List<Header> headers(Header id, Header type, Header subject) {
        return requestId == null
                ? List.of(specVersion, id, source, type, subject, time, contentType)
                : List.of(specVersion, id, source, type, subject, time, contentType, requestId);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
