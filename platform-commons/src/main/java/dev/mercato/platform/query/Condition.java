package dev.mercato.platform.query;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed filter, before it is written as HQL. Leaves hold an attribute path from
 * {@link QueryFields} and already converted values; nothing in the tree is raw input.
 */
sealed interface Condition {

    /** {@code path <op> :p}, or {@code lower(path) like lower(:p)} for {@link Operator#LIKE}. */
    record Compare(String path, Operator op, Object value) implements Condition {
    }

    /** {@code path is null}, or {@code path is not null} when negated. */
    record IsNull(String path, boolean negated) implements Condition {
    }

    /** {@code path in (:p0, :p1, …)}; never empty. */
    record In(String path, List<Object> values) implements Condition {
        public In {
            values = List.copyOf(values);
        }
    }

    /** Every part holds; no parts means no condition at all. */
    record All(List<Condition> parts) implements Condition {
        public All {
            parts = List.copyOf(parts);
        }
    }

    /** At least one part holds. */
    record Any(List<Condition> parts) implements Condition {
        public Any {
            parts = List.copyOf(parts);
        }
    }

    /** Holds for no row, as when a {@code like} pattern matches none of an enum's constants. */
    record Never() implements Condition {
    }

    /** The conjunction of the parts, flattening nested conjunctions; a single part stands alone. */
    static Condition all(List<Condition> parts) {
        List<Condition> flat = new ArrayList<>();
        for (Condition part : parts) {
            if (part instanceof All all) {
                flat.addAll(all.parts());
            } else {
                flat.add(part);
            }
        }
        return flat.size() == 1 ? flat.get(0) : new All(flat);
    }

    /** The disjunction of the parts, flattening nested disjunctions; a single part stands alone. */
    static Condition any(List<Condition> parts) {
        List<Condition> flat = new ArrayList<>();
        for (Condition part : parts) {
            if (part instanceof Any any) {
                flat.addAll(any.parts());
            } else {
                flat.add(part);
            }
        }
        return flat.size() == 1 ? flat.get(0) : new Any(flat);
    }

    /** How many comparisons the condition holds, for the limit on conditions. */
    default int size() {
        return switch (this) {
            case All all -> all.parts().stream().mapToInt(Condition::size).sum();
            case Any any -> any.parts().stream().mapToInt(Condition::size).sum();
            default -> 1;
        };
    }
}
