package dev.mercato.platform.query;

import java.util.Locale;

/**
 * Splits a {@code filter} expression into tokens: {@code $name} functions, field names, quoted
 * strings, numbers, {@code ( ) ,}, and the joins {@code -and-} and {@code -or-}. Whitespace
 * between tokens is skipped. Positions are 1-based, as shown to callers.
 */
final class FilterLexer {

    enum Kind { FUNCTION, IDENTIFIER, STRING, NUMBER, OPEN, CLOSE, COMMA, AND, OR, END }

    /**
     * @param text     a function's name without {@code $} in lower case, a string's content with
     *                 escapes resolved, or the token as written
     * @param position where the token starts, 1-based
     */
    record Token(Kind kind, String text, int position) {
    }

    private final String input;
    private int index;
    private Token peeked;

    FilterLexer(String input) {
        this.input = input;
    }

    Token peek() {
        if (peeked == null) {
            peeked = scan();
        }
        return peeked;
    }

    Token next() {
        Token token = peek();
        peeked = null;
        return token;
    }

    private Token scan() {
        while (index < input.length() && Character.isWhitespace(input.charAt(index))) {
            index++;
        }
        int start = index;
        if (index >= input.length()) {
            return new Token(Kind.END, "", start + 1);
        }
        char c = input.charAt(index);
        return switch (c) {
            case '(' -> single(Kind.OPEN);
            case ')' -> single(Kind.CLOSE);
            case ',' -> single(Kind.COMMA);
            case '\'' -> string();
            case '$' -> function();
            case '-' -> dash();
            default -> {
                if (isDigit(c)) {
                    yield number();
                }
                if (isIdentifierStart(c)) {
                    yield identifier();
                }
                throw QueryErrors.filter("unexpected character " + describe(input.codePointAt(start)), start + 1);
            }
        };
    }

    private Token single(Kind kind) {
        index++;
        return new Token(kind, input.substring(index - 1, index), index);
    }

    /** {@code 'it''s'} or {@code 'it\'s'}; {@code \\} is a backslash, any other backslash stays. */
    private Token string() {
        int start = index++;
        StringBuilder text = new StringBuilder();
        while (index < input.length()) {
            char c = input.charAt(index);
            char following = index + 1 < input.length() ? input.charAt(index + 1) : 0;
            if (c == '\'' && following == '\'') {
                text.append('\'');
                index += 2;
            } else if (c == '\'') {
                index++;
                return new Token(Kind.STRING, text.toString(), start + 1);
            } else if (c == '\\' && (following == '\'' || following == '\\')) {
                text.append(following);
                index += 2;
            } else {
                text.append(c);
                index++;
            }
        }
        throw QueryErrors.filter("unterminated string starting", start + 1);
    }

    private Token function() {
        int start = index++;
        while (index < input.length() && isNameChar(input.charAt(index))) {
            index++;
        }
        if (index == start + 1) {
            throw QueryErrors.filter("expected a function name after '$'", start + 1);
        }
        return new Token(Kind.FUNCTION, input.substring(start + 1, index).toLowerCase(Locale.ROOT), start + 1);
    }

    /** {@code -and-}, {@code -or-} (any case) or a negative number. */
    private Token dash() {
        int start = index;
        if (input.regionMatches(true, index, "-and-", 0, 5)) {
            index += 5;
            return new Token(Kind.AND, "-and-", start + 1);
        }
        if (input.regionMatches(true, index, "-or-", 0, 4)) {
            index += 4;
            return new Token(Kind.OR, "-or-", start + 1);
        }
        if (index + 1 < input.length() && isDigit(input.charAt(index + 1))) {
            return number();
        }
        throw QueryErrors.filter("expected '-and-', '-or-' or a number", start + 1);
    }

    /** {@code 12}, {@code -30}, {@code 12.50}; no exponents. */
    private Token number() {
        int start = index;
        if (input.charAt(index) == '-') {
            index++;
        }
        skipDigits();
        if (index < input.length() && input.charAt(index) == '.') {
            index++;
            if (index >= input.length() || !isDigit(input.charAt(index))) {
                throw QueryErrors.filter("expected a digit after '.'", index + 1);
            }
            skipDigits();
        }
        return new Token(Kind.NUMBER, input.substring(start, index), start + 1);
    }

    private Token identifier() {
        int start = index;
        while (index < input.length() && (isNameChar(input.charAt(index)) || input.charAt(index) == '.')) {
            index++;
        }
        return new Token(Kind.IDENTIFIER, input.substring(start, index), start + 1);
    }

    private void skipDigits() {
        while (index < input.length() && isDigit(input.charAt(index))) {
            index++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isNameChar(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    private static String describe(int codePoint) {
        if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)
                || !Character.isDefined(codePoint) || Character.getType(codePoint) == Character.SURROGATE) {
            return String.format("U+%04X", codePoint);
        }
        return "'" + Character.toString(codePoint) + "'";
    }
}
