package dev.mercato.metering.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import dev.mercato.platform.events.Topics;
import dev.mercato.platform.events.UsageAcceptedV2;
import dev.mercato.platform.events.UsageEventV1;
import dev.mercato.platform.messaging.CloudEventHeaders;
import dev.mercato.platform.web.RequestIds;

/**
 * The Kafka records of one request (one report): the CloudEvents headers of {@link CloudEventHeaders#write} plus
 * {@code x-request-id}, in the same order, but those all records of the request share (spec version, source,
 * type, time, content type, request id) made once, and its instants formatted once.
 */
final class UsageRecords {

    private final Header specVersion = header(CloudEventHeaders.SPEC_VERSION, "1.0");
    private final Header contentType = header(CloudEventHeaders.CONTENT_TYPE, "application/json");
    private final Header source;
    private final Header time;
    private final Header requestId;
    private final Header usageType = header(CloudEventHeaders.TYPE, UsageAcceptedV2.TYPE);
    private final String reportId;
    private final String receivedAt;
    private int usageRecords;
    private Instant lastTimestamp;
    private String lastTimestampText;

    UsageRecords(String reportId, String source, Instant receivedAt, String requestId) {
        this.reportId = reportId;
        this.source = header(CloudEventHeaders.SOURCE, source);
        this.receivedAt = receivedAt.toString();
        this.time = header(CloudEventHeaders.TIME, this.receivedAt);
        this.requestId = requestId == null ? null : header(RequestIds.KAFKA_HEADER, requestId);
    }

    /**
     * The records of the report's accepted events of one customer on {@code metering.usage}, keyed by the customer: as
     * few {@link UsageAcceptedV2} records as hold them. Each record's id is the report's id and the record's place
     * among the report's usage records ({@code <report id>/0}, {@code /1} …): the same report sent again makes the
     * same records.
     */
    List<ProducerRecord<String, byte[]>> usage(String customerId, List<UsageEventV1> events) {
        List<byte[]> values = UsageEventJson.writeAccepted(events, this::timestampText, receivedAt, UsageAcceptedV2.MAX_BYTES);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(values.size());
        Header subject = header(CloudEventHeaders.SUBJECT, customerId);
        for (byte[] value : values) {
            Header id = header(CloudEventHeaders.ID, reportId + "/" + usageRecords++);
            records.add(new ProducerRecord<>(Topics.METERING_USAGE, null, customerId, value, headers(id, usageType, subject)));
        }
        return records;
    }

    /** {@code Instant.toString} of a timestamp, remembered for the next event (a report's events mostly share one). */
    private String timestampText(Instant timestamp) {
        if (!timestamp.equals(lastTimestamp)) {
            lastTimestamp = timestamp;
            lastTimestampText = timestamp.toString();
        }
        return lastTimestampText;
    }

    /** The record of the report on {@code metering.reports}, keyed by its id. */
    ProducerRecord<String, byte[]> report(String type, byte[] value) {
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
