package dev.mercato.console.web;

import java.util.List;
import java.util.Map;

import dev.mercato.console.api.ApiPage;
import dev.mercato.console.api.ListQuery;

/**
 * The one filter of a list page: the API's parameter, the value chosen ("" for all) and the values to choose from
 * (none for a typed value). It goes into the API's query, the pager's links and the page's select alike.
 */
record ListFilter(String name, String value, List<String> values) {

    static ListFilter of(String name, String value, List<String> values) {
        return new ListFilter(name, value == null ? "" : value.strip(), values);
    }

    /** Page {@code page} of {@code size} items, filtered. */
    ListQuery query(int page, int size) {
        return ListQuery.page(page, size).filter(name, value);
    }

    Pager pager(ApiPage<?> found, String path) {
        return Pager.of(found, path, Map.of(name, value));
    }

    List<Choice> choices() {
        return values.stream().map(choice -> new Choice(choice, choice, "", choice.equals(value))).toList();
    }
}
