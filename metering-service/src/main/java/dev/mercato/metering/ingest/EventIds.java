package dev.mercato.metering.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.mercato.metering.ids.NameBasedUuids;

/**
 * Deterministic ids of a report and of the events it carries without an {@code eventId}: name-based UUIDs of
 * the reporting organization, the report shape, the report's basis — its idempotency key, or without one a
 * hash of its content — and, for an event, its position. Sending the same report again (same key, or same
 * content) therefore names the same events and the same report, and the aggregation counts them once.
 */
final class EventIds {

    private final String basis;
    private final String prefix;
    /** MD5 of the prefix and the line break an event's position follows, copied for each event (not rehashed). */
    private MessageDigest eventPrefix;

    private EventIds(String organizationId, String shape, String basis) {
        this.basis = basis;
        this.prefix = "mercato-metering\n" + organizationId + '\n' + shape + '\n' + basis;
    }

    /** Ids from the request's idempotency key. */
    static EventIds fromKey(String organizationId, String shape, String idempotencyKey) {
        return new EventIds(organizationId, shape, "key:" + idempotencyKey);
    }

    /** Ids from the request's content: the request as read, written with object keys in order, hashed. */
    static EventIds fromContent(String organizationId, String shape, Object request, ObjectMapper json) {
        return new EventIds(organizationId, shape, "content:" + contentHash(request, json));
    }

    String reportId() {
        return uuid(prefix).toString();
    }

    /** {@code UUID.nameUUIDFromBytes} of the prefix, a line break and the position, as a report of 1,000 needs it fast. */
    String eventId(int index) {
        MessageDigest md5 = copyOfEventPrefix();
        md5.update(Integer.toString(index).getBytes(StandardCharsets.US_ASCII));
        return NameBasedUuids.fromDigest(md5.digest()).toString();
    }

    private MessageDigest copyOfEventPrefix() {
        if (eventPrefix == null) {
            eventPrefix = NameBasedUuids.newMd5();
            eventPrefix.update((prefix + '\n').getBytes(StandardCharsets.UTF_8));
        }
        try {
            return (MessageDigest) eventPrefix.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's MD5 digest is cloneable", e);
        }
    }

    String basis() {
        return basis;
    }

    private static UUID uuid(String name) {
        return NameBasedUuids.of(name);
    }

    private static String contentHash(Object request, ObjectMapper json) {
        ObjectWriter canonical = json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.writeValueAsBytes(request)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash a usage report", e);
        }
    }
}
