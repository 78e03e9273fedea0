package dev.mercato.platform.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mercato.platform.query.Condition.All;
import dev.mercato.platform.query.Condition.Any;
import dev.mercato.platform.query.Condition.Compare;
import dev.mercato.platform.query.Condition.In;
import dev.mercato.platform.query.Condition.IsNull;
import dev.mercato.platform.query.Condition.Never;

/**
 * Writes a {@link Condition} as an HQL boolean expression with named parameters {@code :p0},
 * {@code :p1}, … in the order they appear. Disjunctions are always parenthesised, so the result can
 * be joined to other conditions with {@code and} as it is.
 */
final class WhereWriter {

    /** The HQL text and its parameters. */
    record Where(String hql, Map<String, Object> parameters) {
    }

    private final StringBuilder hql = new StringBuilder();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private WhereWriter() {
    }

    static Where write(Condition condition) {
        WhereWriter writer = new WhereWriter();
        if (!(condition instanceof All all && all.parts().isEmpty())) {
            writer.append(condition);
        }
        return new Where(writer.hql.toString(), Collections.unmodifiableMap(writer.parameters));
    }

    private void append(Condition condition) {
        switch (condition) {
            case Compare compare when compare.op() == Operator.LIKE ->
                    hql.append("lower(").append(compare.path()).append(") like lower(")
                            .append(bind(compare.value())).append(')');
            case Compare compare ->
                    hql.append(compare.path()).append(' ').append(compare.op().hql()).append(' ')
                            .append(bind(compare.value()));
            case IsNull isNull ->
                    hql.append(isNull.path()).append(isNull.negated() ? " is not null" : " is null");
            case In in -> {
                hql.append(in.path()).append(" in (");
                for (int i = 0; i < in.values().size(); i++) {
                    hql.append(i == 0 ? "" : ", ").append(bind(in.values().get(i)));
                }
                hql.append(')');
            }
            case All all -> join(all.parts(), " and ");
            case Any any -> {
                hql.append('(');
                join(any.parts(), " or ");
                hql.append(')');
            }
            case Never never -> hql.append("1 = 0");
        }
    }

    private void join(List<Condition> parts, String operator) {
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                hql.append(operator);
            }
            Condition part = parts.get(i);
            // Conjunctions are flattened, so one inside a group is inside a disjunction: HQL needs no
            // parentheses there, but the text reads better with them.
            boolean wrap = part instanceof All;
            if (wrap) {
                hql.append('(');
            }
            append(part);
            if (wrap) {
                hql.append(')');
            }
        }
    }

    private String bind(Object value) {
        String name = "p" + parameters.size();
        parameters.put(name, value);
        return ":" + name;
    }
}
