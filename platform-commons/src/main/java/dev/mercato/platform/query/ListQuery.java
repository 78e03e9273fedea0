package dev.mercato.platform.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import dev.mercato.platform.api.Pagination;
import io.quarkus.panache.common.Sort;

/**
 * A list request's query parameters, read into what a Panache query needs: a where-clause with
 * named parameters, an order and a window of rows. For example:
 *
 * <pre>{@code
 * ListQuery q = ListQuery.parse(uriInfo.getQueryParameters(), FIELDS, QueryContext.of(clock).withMe(callerId));
 * // Panache reads an empty where() as "every row", in find(…) and in count(…).
 * Uni<List<Account>> rows = repository.find(q.where(), q.sort(), q.parameters())
 *         .range(q.offset(), q.offset() + q.limit() - 1).list();
 * Uni<Long> total = repository.count(q.where(), q.parameters());
 * }</pre>
 * }</pre>
 *
 * @param where      an HQL boolean expression over whitelisted attribute paths with parameters
 *                   {@code :p0}, {@code :p1}, …, or {@code ""} when nothing is filtered; a
 *                   disjunction is always parenthesised, so {@code "tenant = :tenant and " + where}
 *                   is safe (avoid parameter names of the form {@code p<digits>} there)
 * @param parameters the values of the named parameters, in order
 * @param orderBy    the order, ending with the tie-breaker
 * @param offset     rows to skip, 0 to 1,000,000,000
 * @param limit      rows to return, 1 to 100
 */
public record ListQuery(String where, Map<String, Object> parameters, List<SortKey> orderBy, int offset, int limit) {

    public ListQuery {
        Objects.requireNonNull(where, "where");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        orderBy = List.copyOf(orderBy);
    }

    /**
     * Reads a list request. Parameters are {@code page}, {@code offset}, {@code limit},
     * {@code sort}, {@code filter}, one plain filter per whitelisted field (optionally with an
     * operator, {@code createdAt[gte]}), and the context's extra parameters, which are skipped.
     *
     * @param queryParameters the decoded query parameters; {@code null} keys and values are ignored
     * @throws dev.mercato.platform.api.ApiException with status 400 for any input it cannot read
     */
    public static ListQuery parse(Map<String, List<String>> queryParameters, QueryFields fields, QueryContext context) {
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(context, "context");
        Map<String, List<String>> parameters = normalized(queryParameters);

        Paging paging = Paging.parse(parameters);
        List<SortKey> orderBy = order(parameters.getOrDefault("sort", List.of()), fields);

        List<Condition> conditions = new ArrayList<>(PlainFilters.parse(parameters, fields, context));
        for (String filter : parameters.getOrDefault("filter", List.of())) {
            if (!filter.isBlank()) {
                conditions.add(FilterExpressionParser.parse(filter, fields, context));
            }
        }
        Condition condition = Condition.all(conditions);
        if (condition.size() > QueryLimits.MAX_CONDITIONS) {
            throw QueryErrors.invalid("filter", "too many filter conditions (at most "
                    + QueryLimits.MAX_CONDITIONS + ")");
        }
        WhereWriter.Where where = WhereWriter.write(condition);
        return new ListQuery(where.hql(), where.parameters(), orderBy, paging.offset(), paging.limit());
    }

    /** The order as a Panache {@link Sort}; a new instance on every call, since Sort is mutable. */
    public Sort sort() {
        Sort sort = Sort.empty();
        for (SortKey key : orderBy) {
            sort.and(key.path(), key.descending() ? Sort.Direction.Descending : Sort.Direction.Ascending);
        }
        return sort;
    }

    /** The {@code pagination} object of the response, for a result of {@code total} rows. */
    public Pagination pagination(long total) {
        return Pagination.of(offset, limit, total);
    }

    private static List<SortKey> order(List<String> sortParameters, QueryFields fields) {
        // Several sort parameters read as one list; a blank one leaves the default.
        List<SortKey> keys = new ArrayList<>(SortKey.parse(String.join(",", sortParameters), fields));
        if (keys.isEmpty()) {
            keys.addAll(fields.defaultSort());
        }
        if (keys.stream().noneMatch(key -> key.path().equals(fields.tieBreaker()))) {
            keys.add(new SortKey(fields.tieBreaker(), false));
        }
        return keys;
    }

    /** Sorted by name, so that the same request always yields the same HQL and parameter numbers. */
    private static Map<String, List<String>> normalized(Map<String, List<String>> queryParameters) {
        Map<String, List<String>> parameters = new TreeMap<>();
        if (queryParameters == null) {
            return parameters;
        }
        queryParameters.forEach((key, values) -> {
            if (key != null && values != null) {
                List<String> present = values.stream().filter(Objects::nonNull).toList();
                if (!present.isEmpty()) {
                    parameters.put(key, present);
                }
            }
        });
        return parameters;
    }
}
