package dev.mercato.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

/** CloudEvents 1.0 attributes in Kafka binary content mode: one {@code ce_*} header each, JSON body. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    public static void write(Headers headers, String id, String source, String type, String subject, Instant time) {
        add(headers, SPEC_VERSION, "1.0");
        add(headers, ID, id);
        add(headers, SOURCE, source);
        add(headers, TYPE, type);
        if (subject != null) {
            add(headers, SUBJECT, subject);
        }
        add(headers, TIME, time.toString());
        add(headers, CONTENT_TYPE, "application/json");
    }

    /** The last value of header {@code name} as text, or null. */
    public static String read(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
