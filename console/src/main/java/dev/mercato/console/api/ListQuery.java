package dev.mercato.console.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query of one page of an API list (docs/API.md "Lists") in the API's own order, or of other parameters: page,
 * limit and plain parameters ({@code granularity=…}). Values are percent-encoded; a blank one is left out. The list
 * pages' filters and orders are {@code ListFilters}'.
 */
public final class ListQuery {

    private final Map<String, String> parameters = new LinkedHashMap<>();

    private ListQuery() {
    }

    public static ListQuery page(int page, int limit) {
        ListQuery query = new ListQuery();
        query.parameters.put("limit", Integer.toString(limit));
        query.parameters.put("page", Integer.toString(Math.max(1, page)));
        return query;
    }

    /** A query of other parameters than a list's (a replay's {@code since}), added with {@link #filter}. */
    public static ListQuery parameters() {
        return new ListQuery();
    }

    /** The API's order: one of the list's sort fields, {@code -} first for descending. */
    public ListQuery sort(String sort) {
        return filter("sort", sort);
    }

    /** {@code name=value}, unless the value is null or blank. */
    public ListQuery filter(String name, String value) {
        if (value != null && !value.isBlank()) {
            parameters.put(name, value.strip());
        }
        return this;
    }

    /** {@code path?limit=…&page=…&…} ({@code path} alone when there are no parameters). */
    public String on(String path) {
        StringBuilder query = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            query.append(separator).append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return query.toString();
    }
}
