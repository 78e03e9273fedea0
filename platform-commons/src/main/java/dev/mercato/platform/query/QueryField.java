package dev.mercato.platform.query;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.mercato.platform.query.FilterValue.Bool;
import dev.mercato.platform.query.FilterValue.Moment;
import dev.mercato.platform.query.FilterValue.Numeral;
import dev.mercato.platform.query.FilterValue.Text;

/**
 * One field a list can be filtered and sorted by: the name callers use, the entity attribute path
 * it stands for in HQL, and its type. Declared in code through {@link QueryFields#builder()}.
 *
 * @param name      the API name, as in {@code ?createdAt[gte]=…} or {@code sort=-createdAt}
 * @param path      the entity attribute path written into HQL, such as {@code createdAt} or
 *                  {@code customer.name}
 * @param type      how values convert and which operators apply
 * @param constants the constants of an {@link FieldType#ENUMERATION} field, empty otherwise
 */
public record QueryField(String name, String path, FieldType type, List<? extends Enum<?>> constants) {

    public QueryField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        constants = List.copyOf(constants);
        if ((type == FieldType.ENUMERATION) == constants.isEmpty()) {
            throw new IllegalArgumentException("field '" + name + "': constants are needed exactly for enumerations");
        }
    }

    static QueryField enumeration(String name, String path, Class<? extends Enum<?>> enumType) {
        return new QueryField(name, path, FieldType.ENUMERATION, Arrays.asList(enumType.getEnumConstants()));
    }

    /** What a valid value looks like, for error messages. */
    public String expectedFormat() {
        return switch (type) {
            case STRING -> "text without NUL characters";
            case ENUMERATION -> "one of " + constants.stream().map(Enum::name).collect(Collectors.joining(", "));
            case INSTANT -> "a date (2026-01-01) or an ISO-8601 instant (2026-01-01T10:00:00Z)";
            case DATE -> "a date (2026-01-01)";
            case DECIMAL -> "a decimal number (12.50) of at most " + QueryLimits.MAX_DECIMAL_PRECISION + " digits";
            case INTEGER -> "a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
            case BOOLEAN -> "true or false";
        };
    }

    /** The value as the query parameter to bind, or empty when it does not fit this field's type. */
    Optional<?> convert(FilterValue value) {
        return switch (type) {
            case STRING -> text(value).filter(s -> s.indexOf('\0') < 0);
            case ENUMERATION -> text(value).flatMap(this::constant);
            case BOOLEAN -> value instanceof Bool bool
                    ? Optional.of(bool.value())
                    : text(value).flatMap(Values::parseBoolean);
            case INTEGER -> text(value).flatMap(Values::parseInt);
            case DECIMAL -> text(value).flatMap(Values::parseDecimal);
            case INSTANT -> value instanceof Moment moment
                    ? Optional.of(moment.value())
                    : text(value).flatMap(Values::parseInstant);
            case DATE -> value instanceof Moment moment
                    ? Values.toDate(moment.value())
                    : text(value).flatMap(Values::parseDate);
        };
    }

    /** The constant named by the text, ignoring case. */
    Optional<Object> constant(String text) {
        String wanted = text.strip();
        return constants.stream().filter(c -> c.name().equalsIgnoreCase(wanted)).findFirst().map(Object.class::cast);
    }

    /** Quoted strings, plain parameters and numbers read as text; booleans, null and moments do not. */
    private static Optional<String> text(FilterValue value) {
        return switch (value) {
            case Text text -> Optional.of(text.value());
            case Numeral numeral -> Optional.of(numeral.text());
            default -> Optional.empty();
        };
    }
}
