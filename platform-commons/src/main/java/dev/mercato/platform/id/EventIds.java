package dev.mercato.platform.id;

import java.util.UUID;

/**
 * Ids of the events the platform publishes (the CloudEvents {@code id}): time-ordered UUIDs, version 7 of RFC 9562 —
 * the creation millisecond in the first 48 bits, then the version, then 74 random bits (from {@link UUID#randomUUID()},
 * so as unpredictable and as unlikely to collide as a version 4 UUID within the same millisecond).
 * <p>
 * Every consumer remembers the ids it handled ({@code processed_event}, keyed by consumer and id) for as long as its
 * retention. Random ids land on random pages of that index, so once it outgrows memory every insert reads and dirties
 * a page of its own; ids that grow with time are appended at its right edge. Inserting them took half the time on the
 * webhook fan-out's table (docs/BENCHMARKS.md, "Fewer round trips per delivery, time-ordered event ids").
 */
public final class EventIds {

    private EventIds() {
    }

    /** A new event id, e.g. {@code 019ae6a1-5c3e-7b1f-9d2a-4e8f0c6b7a15}. */
    public static String next() {
        return next(System.currentTimeMillis()).toString();
    }

    static UUID next(long epochMillis) {
        UUID random = UUID.randomUUID();
        long high = (epochMillis << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
        return new UUID(high, random.getLeastSignificantBits());
    }
}
