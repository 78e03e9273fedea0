package dev.mercato.platform.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.mercato.platform.api.ApiException;
import dev.mercato.platform.query.Condition.Compare;
import dev.mercato.platform.query.Condition.In;
import dev.mercato.platform.query.Condition.IsNull;
import dev.mercato.platform.query.Condition.Never;
import dev.mercato.platform.query.FilterValue.NullLiteral;
import dev.mercato.platform.query.FilterValue.Text;

/**
 * Builds one comparison for either filter style: checks that the operator suits the field's type,
 * converts the values, and turns {@code null} into {@code is null} tests.
 */
final class ConditionFactory {

    private ConditionFactory() {
    }

    /**
     * @param label the operator as the caller wrote it ({@code gte}, {@code $gteq}), for messages
     * @param values one value, or one or more for {@link Operator#IN}
     */
    static Condition compare(QueryField field, Operator op, String label, List<FilterValue> values) {
        if (!field.type().supports(op)) {
            throw QueryErrors.invalid(field.name(), "operator '" + label + "' is not supported for "
                    + field.type().label() + " field '" + field.name() + "'");
        }
        if (values.stream().anyMatch(NullLiteral.class::isInstance)) {
            if ((op == Operator.EQ || op == Operator.NE) && values.size() == 1) {
                return new IsNull(field.path(), op == Operator.NE);
            }
            throw QueryErrors.invalid(field.name(), "null can only be compared with $eq or $neq, in field '"
                    + field.name() + "'");
        }
        return switch (op) {
            case IN -> in(field, values);
            case LIKE -> like(field, values.get(0));
            default -> new Compare(field.path(), op, convert(field, values.get(0)));
        };
    }

    private static Condition in(QueryField field, List<FilterValue> values) {
        if (values.size() > QueryLimits.MAX_IN_VALUES) {
            throw tooManyValues(field);
        }
        List<Object> converted = new ArrayList<>(values.size());
        for (FilterValue value : values) {
            converted.add(convert(field, value));
        }
        return new In(field.path(), converted);
    }

    /**
     * {@code %} and {@code _} are wildcards and case is ignored. On a string field the database
     * matches; PostgreSQL reads a backslash in a pattern as an escape character, so backslashes are
     * doubled: they match themselves, and no pattern can be malformed. On an enum field the pattern
     * is matched here against the constants' names, so the parameter stays a constant.
     */
    private static Condition like(QueryField field, FilterValue value) {
        if (field.type() == FieldType.STRING) {
            String pattern = (String) convert(field, value);
            return new Compare(field.path(), Operator.LIKE, pattern.replace("\\", "\\\\"));
        }
        if (!(value instanceof Text text)) {
            throw QueryErrors.invalidValue(field, value);
        }
        List<Object> matching = new ArrayList<>();
        for (Enum<?> constant : field.constants()) {
            if (matches(text.value(), constant.name())) {
                matching.add(constant);
            }
        }
        return matching.isEmpty() ? new Never() : new In(field.path(), matching);
    }

    static ApiException tooManyValues(QueryField field) {
        return QueryErrors.invalid(field.name(), "'in' takes at most " + QueryLimits.MAX_IN_VALUES
                + " values, in field '" + field.name() + "'");
    }

    private static Object convert(QueryField field, FilterValue value) {
        return field.convert(value).orElseThrow(() -> QueryErrors.invalidValue(field, value));
    }

    /** SQL {@code like} without escapes, ignoring case, by dynamic programming (no backtracking). */
    static boolean matches(String pattern, String text) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String t = text.toLowerCase(Locale.ROOT);
        // matched[j]: the pattern read so far matches the first j characters of the text.
        boolean[] matched = new boolean[t.length() + 1];
        matched[0] = true;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            boolean[] next = new boolean[t.length() + 1];
            next[0] = c == '%' && matched[0];
            for (int j = 1; j <= t.length(); j++) {
                next[j] = c == '%'
                        ? next[j - 1] || matched[j]
                        : matched[j - 1] && (c == '_' || c == t.charAt(j - 1));
            }
            matched = next;
        }
        return matched[t.length()];
    }
}
