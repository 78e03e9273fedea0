package dev.mercato.console.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.mercato.console.api.ApiPage;
import dev.mercato.console.api.ApiRefusedException;
import dev.mercato.console.api.PathSegment;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;

/**
 * The filters of a list page as typed in its form, and the same filters as the API's list parameters (docs/API.md
 * "Lists"): {@code field=value}, {@code field[like]=%value%} for "contains", {@code field[gte]=value} for "from" and
 * {@code field[lte]=value} for "until" (one filter per field). Blank filters are left out. Links to other pages of the
 * list keep the filters and the order. The order is one of the API's sort fields the page offers ({@link #sortedBy}).
 * A filter the API refuses (a date that is none) is shown next to its field, like a form's refusal, above an empty
 * list. Every list of the console is made this way.
 */
@TemplateData // read by the filter includes, whose parameters are not typed
public final class ListFilters {

    /** Items per page, unless the list says otherwise ({@link #perPage}). */
    public static final int PAGE_SIZE = 20;

    private final int page;
    private int size = PAGE_SIZE;
    private final Map<String, String> typed = new LinkedHashMap<>();
    private final List<String> api = new ArrayList<>();
    private final String sort;
    private final Map<String, String> sorts;
    private FormErrors refused = FormErrors.NONE;

    private ListFilters(int page, String sort, Map<String, String> sorts) {
        this.page = page;
        this.sort = sort;
        this.sorts = sorts;
    }

    /**
     * Filters for page {@code page} (from 1; anything else is the first), in the order {@code wanted} when it is one of
     * {@code sortsAndLabels} (the API's sort, then its label, for each; the first is the default).
     */
    public static ListFilters sortedBy(String wanted, Integer page, String... sortsAndLabels) {
        Map<String, String> sorts = new LinkedHashMap<>();
        for (int i = 0; i < sortsAndLabels.length; i += 2) {
            sorts.put(sortsAndLabels[i], sortsAndLabels[i + 1]);
        }
        String sort = wanted != null && sorts.containsKey(wanted) ? wanted : sortsAndLabels[0];
        return new ListFilters(page == null || page < 1 ? 1 : page, sort, java.util.Collections.unmodifiableMap(sorts));
    }

    /** Shows {@code size} items a page instead of {@link #PAGE_SIZE}. */
    public ListFilters perPage(int size) {
        this.size = size;
        return this;
    }

    /** Keeps the items whose {@code field} equals the value. */
    public ListFilters equal(String field, String value) {
        return add(field, value, field, value == null ? null : value.strip());
    }

    /** Keeps the items whose {@code field} contains the value. */
    public ListFilters contains(String field, String value) {
        return add(field, value, field + "[like]", value == null ? null : "%" + value.strip() + "%");
    }

    /** Keeps the items whose {@code field} is the value or after it ({@code field[gte]}). */
    public ListFilters from(String field, String value) {
        return add(field, value, field + "[gte]", value == null ? null : value.strip());
    }

    /** Keeps the items whose {@code field} is the value or before it ({@code field[lte]}). */
    public ListFilters until(String field, String value) {
        return add(field, value, field + "[lte]", value == null ? null : value.strip());
    }

    private ListFilters add(String field, String value, String apiName, String apiValue) {
        if (value != null && !value.isBlank()) {
            typed.put(field, value.strip());
            api.add(PathSegment.encode(apiName) + "=" + PathSegment.encode(apiValue));
        }
        return this;
    }

    /** The value typed into the filter {@code field}, or "". */
    public String value(String field) {
        return typed.getOrDefault(field, "");
    }

    public boolean any() {
        return !typed.isEmpty();
    }

    /** The orders the page offers, the current one chosen. */
    public List<Choice> sorts() {
        return sorts.entrySet().stream().map(entry -> new Choice(entry.getKey(), entry.getValue(), "", entry.getKey().equals(sort))).toList();
    }

    /**
     * The page {@code list} answers for the API's query; when the API refuses the filters (400), an empty page, and
     * {@link #refused()} says why.
     */
    public <T> Uni<ApiPage<T>> fetch(Function<String, Uni<ApiPage<T>>> list) {
        return list.apply(apiQuery()).onFailure(FormErrors::invalidInput).recoverWithItem(failure -> {
            refused = FormErrors.of((ApiRefusedException) failure, typed.keySet());
            return new ApiPage<>(List.of(), 1, size, 0, 1);
        });
    }

    /** The API's refusal of these filters, or none. */
    public FormErrors refused() {
        return refused;
    }

    /** The status of the list page: 400 when the API refused the filters. */
    public int status(int otherwise) {
        return refused.any() ? 400 : otherwise;
    }

    /** The API's query: this page, its number of items, the order, the filters. */
    private String apiQuery() {
        StringBuilder query = new StringBuilder("?page=").append(page).append("&limit=").append(size)
                .append("&sort=").append(PathSegment.encode(sort));
        api.forEach(parameter -> query.append('&').append(parameter));
        return query.toString();
    }

    /** The pager of {@code shown}, whose links lead to {@code path} with these filters. */
    public Pager pager(String path, ApiPage<?> shown) {
        return new Pager(shown.page(), Math.max(1, shown.pages()), shown.total(),
                shown.page() > 1 ? href(path, shown.page() - 1) : null,
                shown.page() < shown.pages() ? href(path, shown.page() + 1) : null);
    }

    private String href(String path, int toPage) {
        StringBuilder href = new StringBuilder(path).append('?');
        typed.forEach((field, value) -> href.append(PathSegment.encode(field)).append('=').append(PathSegment.encode(value))
                .append('&'));
        return href.append("sort=").append(PathSegment.encode(sort)).append("&page=").append(toPage).toString();
    }
}
