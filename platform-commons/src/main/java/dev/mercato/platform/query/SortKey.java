package dev.mercato.platform.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of a list's order: an entity attribute path and its direction.
 *
 * @param path       the attribute path, from {@link QueryFields}, never from input
 * @param descending {@code true} for {@code -field}
 */
public record SortKey(String path, boolean descending) {

    public SortKey {
        Objects.requireNonNull(path, "path");
    }

    /**
     * Reads {@code -createdAt,name,+postal}: {@code -} descending, {@code +} or nothing ascending.
     * A {@code +} that URL decoding turned into a space is read as {@code +}; empty items are
     * skipped. Errors name the parameter {@code sort}.
     */
    static List<SortKey> parse(String spec, QueryFields fields) {
        List<SortKey> keys = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String item : spec.split(",", -1)) {
            String name = item.strip();
            if (name.isEmpty()) {
                continue;
            }
            boolean descending = name.charAt(0) == '-';
            if (descending || name.charAt(0) == '+') {
                name = name.substring(1).strip();
            }
            if (name.isEmpty()) {
                throw QueryErrors.invalid("sort", "sort: a field name must follow '" + item.strip() + "'");
            }
            String shown = QueryErrors.quote(name);
            QueryField field = fields.field(name)
                    .orElseThrow(() -> QueryErrors.invalid("sort", "unknown sort field " + shown));
            if (!seen.add(field.path())) {
                throw QueryErrors.invalid("sort", "sort field " + shown + " is given more than once");
            }
            keys.add(new SortKey(field.path(), descending));
        }
        return keys;
    }
}
