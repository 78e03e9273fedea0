package dev.mercato.identity.token;

/** Writes JSON string literals for the hand-built token claims (faster than a general mapper on the hot path). */
final class JsonText {

    private JsonText() {
    }

    /** {@code value} as a quoted, escaped JSON string appended to {@code out}. */
    static StringBuilder quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
