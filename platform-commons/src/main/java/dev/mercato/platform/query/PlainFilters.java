package dev.mercato.platform.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.mercato.platform.query.FilterValue.Text;

/**
 * Reads the plain filter parameters: {@code status=active} (equals) and
 * {@code createdAt[gte]=2026-01-01} (an operator in brackets); {@code in} takes comma-separated
 * values. Every parameter, and every value of a repeated parameter, is one condition; they all hold
 * together.
 */
final class PlainFilters {

    private PlainFilters() {
    }

    /**
     * @param parameters the request's parameters, in the order their conditions are wanted
     */
    static List<Condition> parse(Map<String, List<String>> parameters, QueryFields fields, QueryContext context) {
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String key = parameter.getKey();
            int bracket = key.indexOf('[');
            String name = bracket < 0 ? key : key.substring(0, bracket);
            if (QueryFields.RESERVED.contains(key) || context.extraParameters().contains(key)
                    || context.extraParameters().contains(name)) {
                continue;
            }
            QueryField field = fields.field(name).orElseThrow(
                    () -> QueryErrors.invalid(name, "unknown filter field " + QueryErrors.quote(name)));
            Operator op = bracket < 0 ? Operator.EQ : operator(key, bracket, field);
            for (String value : parameter.getValue()) {
                if (conditions.size() == QueryLimits.MAX_CONDITIONS) {
                    throw QueryErrors.invalid("filter", "too many filter conditions (at most "
                            + QueryLimits.MAX_CONDITIONS + ")");
                }
                conditions.add(ConditionFactory.compare(field, op, op.plainName(), values(field, op, value)));
            }
        }
        return conditions;
    }

    private static Operator operator(String key, int bracket, QueryField field) {
        if (!key.endsWith("]") || key.indexOf('[', bracket + 1) >= 0) {
            throw QueryErrors.invalid(field.name(), "malformed filter parameter " + QueryErrors.quote(key)
                    + "; write " + field.name() + "[op]=value");
        }
        String name = key.substring(bracket + 1, key.length() - 1);
        return Operator.fromPlainName(name).orElseThrow(() -> QueryErrors.invalid(field.name(),
                "unknown filter operator " + QueryErrors.quote(name) + " for '" + field.name()
                        + "'; use one of eq, ne, gt, gte, lt, lte, in, like"));
    }

    private static List<FilterValue> values(QueryField field, Operator op, String value) {
        if (op != Operator.IN) {
            return List.of(new Text(value));
        }
        String[] items = value.split(",", -1);
        if (items.length > QueryLimits.MAX_IN_VALUES) {
            throw ConditionFactory.tooManyValues(field);
        }
        List<FilterValue> values = new ArrayList<>(items.length);
        for (String item : items) {
            values.add(new Text(item));
        }
        return values;
    }
}
