package dev.mercato.console.api;

import java.nio.charset.StandardCharsets;

/** Percent-encodes a value for one path segment of an API URL, so an id taken from a page's URL cannot add segments. */
public final class PathSegment {

    private PathSegment() {
    }

    public static String encode(String value) {
        StringBuilder encoded = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
