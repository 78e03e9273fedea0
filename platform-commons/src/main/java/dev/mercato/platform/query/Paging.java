package dev.mercato.platform.query;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code page}/{@code limit} (1-based pages) or {@code offset}/{@code limit}
 * into the rows to skip and the rows to return.
 */
record Paging(int offset, int limit) {

    static Paging parse(Map<String, List<String>> parameters) {
        Optional<String> page = single(parameters, "page");
        Optional<String> offset = single(parameters, "offset");
        int limit = single(parameters, "limit")
                .map(text -> number(text, "limit", 1, QueryLimits.MAX_LIMIT,
                        "limit must be a whole number from 1 to " + QueryLimits.MAX_LIMIT))
                .orElse(QueryLimits.DEFAULT_LIMIT);
        if (page.isPresent() && offset.isPresent()) {
            throw QueryErrors.invalid("page", "page and offset cannot be combined; use one of them");
        }
        if (offset.isPresent()) {
            return new Paging(number(offset.get(), "offset", 0, QueryLimits.MAX_OFFSET,
                    "offset must be a whole number from 0 to " + QueryLimits.MAX_OFFSET), limit);
        }
        int lastPage = QueryLimits.MAX_OFFSET / limit + 1;
        int pageNumber = page.map(text -> number(text, "page", 1, lastPage,
                        "page must be a whole number from 1 to " + lastPage + " (with limit " + limit + ")"))
                .orElse(1);
        return new Paging((pageNumber - 1) * limit, limit);
    }

    /** The parameter's value, if given and not blank; given twice is an error. */
    private static Optional<String> single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).toList();
        if (values.size() > 1) {
            throw QueryErrors.invalid(name, name + " is given more than once");
        }
        return values.stream().findFirst();
    }

    private static int number(String text, String name, int min, int max, String message) {
        return Values.parseLong(text)
                .filter(n -> n >= min && n <= max)
                .map(Long::intValue)
                .orElseThrow(() -> QueryErrors.invalid(name, message));
    }
}
