package dev.mercato.platform.query;

import java.util.Locale;
import java.util.Optional;

/** The comparisons both filter styles offer, with their names in each style and in HQL. */
enum Operator {
    EQ("eq", "eq", "="),
    NE("ne", "neq", "<>"),
    GT("gt", "gt", ">"),
    GTE("gte", "gteq", ">="),
    LT("lt", "lt", "<"),
    LTE("lte", "lteq", "<="),
    IN("in", "in", "in"),
    LIKE("like", "like", "like");

    private final String plainName;
    private final String functionName;
    private final String hql;

    Operator(String plainName, String functionName, String hql) {
        this.plainName = plainName;
        this.functionName = functionName;
        this.hql = hql;
    }

    /** The operator of {@code field[op]=value}. */
    static Optional<Operator> fromPlainName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (Operator op : values()) {
            if (op.plainName.equals(wanted)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** The operator of {@code $op(field,value)}, given without its {@code $}, in lower case. */
    static Optional<Operator> fromFunctionName(String name) {
        for (Operator op : values()) {
            if (op.functionName.equals(name)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    String plainName() {
        return plainName;
    }

    String functionName() {
        return "$" + functionName;
    }

    String hql() {
        return hql;
    }

    boolean isOrdering() {
        return this == GT || this == GTE || this == LT || this == LTE;
    }
}
