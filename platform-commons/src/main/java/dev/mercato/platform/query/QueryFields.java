package dev.mercato.platform.query;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.mercato.platform.api.ApiException;

/**
 * The whitelist of one resource's list endpoint: which fields callers may filter and sort by, the
 * entity attribute each stands for, the order used when the caller gives none, and the attribute
 * appended to every order so that paging is stable. Build it once per resource, in code:
 *
 * <pre>{@code
 * static final QueryFields FIELDS = QueryFields.builder()
 *         .string("name", "name")
 *         .enumeration("status", "status", AccountStatus.class)
 *         .instant("createdAt", "createdAt")
 *         .defaultSort("-createdAt")
 *         .tieBreaker("id")
 *         .build();
 * }</pre>
 */
public final class QueryFields {

    /** Parameters the parser itself reads; no field may take these names. */
    static final Set<String> RESERVED = Set.of("page", "limit", "offset", "sort", "filter");

    private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    private final Map<String, QueryField> fields;
    private final List<SortKey> defaultSort;
    private final String tieBreaker;

    private QueryFields(Map<String, QueryField> fields, List<SortKey> defaultSort, String tieBreaker) {
        this.fields = fields;
        this.defaultSort = defaultSort;
        this.tieBreaker = tieBreaker;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The field callers know by this API name. */
    public Optional<QueryField> field(String name) {
        return Optional.ofNullable(fields.get(name));
    }

    /** Every field, in the order declared. */
    public Collection<QueryField> all() {
        return fields.values();
    }

    /** The order used when a request has no {@code sort}, without the tie-breaker. */
    public List<SortKey> defaultSort() {
        return defaultSort;
    }

    /** The attribute path appended, ascending, to every order. */
    public String tieBreaker() {
        return tieBreaker;
    }

    /** Declares fields one by one; names and paths are checked here, so mistakes fail at startup. */
    public static final class Builder {

        private final Map<String, QueryField> fields = new LinkedHashMap<>();
        private String defaultSort = "";
        private String tieBreaker = "id";

        private Builder() {
        }

        public Builder string(String name, String path) {
            return add(new QueryField(name, path, FieldType.STRING, List.of()));
        }

        /** Values match the constants' names ignoring case; the bound parameter is the constant. */
        public <E extends Enum<E>> Builder enumeration(String name, String path, Class<E> type) {
            return add(QueryField.enumeration(name, path, type));
        }

        /** A {@link java.time.Instant}; accepts {@code 2026-01-01} (start of that day, UTC) or a full instant. */
        public Builder instant(String name, String path) {
            return add(new QueryField(name, path, FieldType.INSTANT, List.of()));
        }

        /** A {@link java.time.LocalDate}. */
        public Builder date(String name, String path) {
            return add(new QueryField(name, path, FieldType.DATE, List.of()));
        }

        /** A {@link java.math.BigDecimal}. */
        public Builder decimal(String name, String path) {
            return add(new QueryField(name, path, FieldType.DECIMAL, List.of()));
        }

        /** An {@link Integer} (or a {@code long} attribute filtered within the range of {@code int}). */
        public Builder integer(String name, String path) {
            return add(new QueryField(name, path, FieldType.INTEGER, List.of()));
        }

        public Builder bool(String name, String path) {
            return add(new QueryField(name, path, FieldType.BOOLEAN, List.of()));
        }

        /** The order used when the request gives none, in the syntax of {@code sort} (API names). */
        public Builder defaultSort(String sort) {
            this.defaultSort = Objects.requireNonNull(sort, "sort");
            return this;
        }

        /** The attribute path (not an API name) appended to every order; {@code id} unless set. */
        public Builder tieBreaker(String path) {
            this.tieBreaker = checkedPath(path);
            return this;
        }

        public QueryFields build() {
            Map<String, QueryField> copy = new LinkedHashMap<>(fields);
            QueryFields withoutDefault = new QueryFields(copy, List.of(), tieBreaker);
            try {
                List<SortKey> sort = List.copyOf(SortKey.parse(defaultSort, withoutDefault));
                return new QueryFields(copy, sort, tieBreaker);
            } catch (ApiException e) {
                throw new IllegalArgumentException("default sort '" + defaultSort + "': " + e.getMessage(), e);
            }
        }

        private Builder add(QueryField field) {
            checkedPath(field.name());
            checkedPath(field.path());
            if (RESERVED.contains(field.name())) {
                throw new IllegalArgumentException("'" + field.name() + "' is a reserved parameter name");
            }
            if (fields.putIfAbsent(field.name(), field) != null) {
                throw new IllegalArgumentException("field '" + field.name() + "' is declared twice");
            }
            return this;
        }

        // Attribute paths are written into HQL as they are, so only plain identifiers are allowed.
        private static String checkedPath(String path) {
            if (path == null || !PATH.matcher(path).matches()) {
                throw new IllegalArgumentException("not a valid field name or attribute path: '" + path + "'");
            }
            return path;
        }
    }
}
