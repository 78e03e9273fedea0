package dev.mercato.platform.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Public identifiers: a type prefix and a 26-character ULID ({@code org_01jd3k…}). The first ten
 * characters encode the creation millisecond, so ids sort by time; the rest are 80 random bits,
 * so they cannot be guessed or enumerated.
 */
public final class Ids {

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final Pattern PREFIX = Pattern.compile("[a-z]{2,12}");
    private static final Pattern ID = Pattern.compile("[a-z]{2,12}_[0-9a-hjkmnp-tv-z]{26}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A new id with the given prefix, e.g. {@code next("org")}. */
    public static String next(String prefix) {
        return next(prefix, Clock.systemUTC().millis());
    }

    static String next(String prefix, long epochMillis) {
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("id prefix must be 2-12 lower-case letters");
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        char[] out = new char[26];
        long time = epochMillis;
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        // 80 random bits → 16 characters of 5 bits each.
        long high = 0;
        for (int i = 0; i < 5; i++) {
            high = (high << 8) | (random[i] & 0xff);
        }
        long low = 0;
        for (int i = 5; i < 10; i++) {
            low = (low << 8) | (random[i] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low >>>= 5;
        }
        return prefix + "_" + new String(out);
    }

    /** Whether {@code value} looks like an id of this scheme with the given prefix. */
    public static boolean isValid(String prefix, String value) {
        return value != null && value.startsWith(prefix + "_") && ID.matcher(value).matches();
    }
}
