package dev.mercato.metering.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.mercato.metering.ids.NameBasedUuids;

/**
 * Deterministic ids of a report and of the events it carries without an {@code eventId}, from the reporting
 * organization, the report shape and the report's basis — its idempotency key, or without one a hash of its
 * content. An event's id is the name-based UUID of those and its position. A report's id starts with the time of
 * its earliest event and ends with the name-based UUID's bits ({@link #reportId}). Sending the same report again
 * (same key, or same content) therefore names the same events and the same report, and the aggregation counts them
 * once.
 */
final class EventIds {

    private static final long MAX_48_BITS = (1L << 48) - 1;
    private static final long VERSION_8 = 0x8000L;

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

    /**
     * The report's id: a version-8 UUID whose first 48 bits are {@code earliest} in milliseconds since the epoch
     * (clamped to what 48 bits hold) and whose other 74 free bits are the name-based UUID's. Two sends of one report
     * carry the same event times, so they have the same id; and reports are stored in about the order they arrive,
     * each one's key beside its predecessor's in the table's index instead of anywhere in it.
     */
    String reportId(Instant earliest) {
        long seconds = Math.clamp(earliest.getEpochSecond(), 0, MAX_48_BITS / 1000);
        long millis = Math.min(MAX_48_BITS, seconds * 1000 + earliest.getNano() / 1_000_000);
        UUID name = uuid(prefix);
        long high = millis << 16 | VERSION_8 | name.getMostSignificantBits() & 0x0fffL;
        return new UUID(high, name.getLeastSignificantBits()).toString();
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
