package dev.mercato.platform.query;

import java.time.Instant;

/**
 * A value as the caller wrote it, before it is converted to the type of the field it is compared
 * with: plain parameters are always {@link Text}; the filter language also has numbers, booleans,
 * {@code null} and the moments that {@code $date_now()} and {@code $date_add(…)} produce.
 */
sealed interface FilterValue {

    /** How the value appears in an error message. */
    String display();

    /** A quoted string, a plain parameter value or what {@code $me()} resolves to. */
    record Text(String value) implements FilterValue {
        @Override
        public String display() {
            return QueryErrors.quote(value);
        }
    }

    /** An unquoted number, kept as written so that each field type reads it its own way. */
    record Numeral(String text) implements FilterValue {
        @Override
        public String display() {
            return QueryErrors.quote(text);
        }
    }

    record Bool(boolean value) implements FilterValue {
        @Override
        public String display() {
            return String.valueOf(value);
        }
    }

    record NullLiteral() implements FilterValue {
        @Override
        public String display() {
            return "null";
        }
    }

    record Moment(Instant value) implements FilterValue {
        @Override
        public String display() {
            return value.toString();
        }
    }
}
