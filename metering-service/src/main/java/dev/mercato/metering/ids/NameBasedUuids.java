package dev.mercato.metering.ids;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based (version 3, MD5) UUIDs exactly as {@link UUID#nameUUIDFromBytes} makes them, without looking up a new
 * MD5 digest for each: the lookup checks the security providers and algorithm constraints every time, and the
 * aggregation makes a UUID for every event it counts.
 */
public final class NameBasedUuids {

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(NameBasedUuids::newMd5);

    private NameBasedUuids() {
    }

    /** {@code UUID.nameUUIDFromBytes} of {@code name} in UTF-8. */
    public static UUID of(String name) {
        return fromDigest(MD5.get().digest(name.getBytes(StandardCharsets.UTF_8)));
    }

    /** A new MD5 digest, to be fed a name and passed to {@link #fromDigest}. */
    public static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java runtime", e);
        }
    }

    /** The version-3 UUID of an MD5 digest ({@code md5} is changed). */
    public static UUID fromDigest(byte[] md5) {
        md5[6] &= 0x0f;
        md5[6] |= 0x30;
        md5[8] &= 0x3f;
        md5[8] |= (byte) 0x80;
        ByteBuffer bytes = ByteBuffer.wrap(md5);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
