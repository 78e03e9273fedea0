package dev.mercato.platform.query;

import java.util.List;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.api.FieldError;

/** Builds the 400 answers of the query parser, so they all read alike. */
final class QueryErrors {

    private static final int MAX_ECHO = 40;

    private QueryErrors() {
    }

    /** A problem with one parameter or field; the message names it. */
    static ApiException invalid(String field, String message) {
        return ApiException.badRequest(message, List.of(new FieldError(echo(field), message)));
    }

    /** A problem at a place in the {@code filter} expression; positions are 1-based. */
    static ApiException filter(String detail, int position) {
        String located = detail + " at position " + position;
        return ApiException.badRequest("filter: " + located, List.of(new FieldError("filter", located)));
    }

    /** A problem with the {@code filter} expression as a whole. */
    static ApiException filter(String detail) {
        return ApiException.badRequest("filter: " + detail, List.of(new FieldError("filter", detail)));
    }

    /** A value that does not convert to the field's type; says what was expected. */
    static ApiException invalidValue(QueryField field, FilterValue value) {
        String expected = "expected " + field.expectedFormat();
        return ApiException.badRequest(
                "invalid value " + value.display() + " for '" + field.name() + "': " + expected,
                List.of(new FieldError(field.name(), expected)));
    }

    /** Quotes input for a message, cut short so that a huge input does not make a huge answer. */
    static String quote(String input) {
        return "'" + echo(input) + "'";
    }

    /** Input fit to be shown back: at most 40 characters, control characters as '?'. */
    private static String echo(String input) {
        StringBuilder shown = new StringBuilder();
        input.codePoints().limit(MAX_ECHO).forEach(c -> shown.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return input.codePointCount(0, input.length()) > MAX_ECHO ? shown.append('…').toString() : shown.toString();
    }
}
