package dev.mercato.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.mercato.console.api.ApiPage;
import io.quarkus.qute.TemplateData;

/** Where a list page stands: its number, how many there are, and links to the previous and next (null at an end). */
@TemplateData // read by the pager include, whose parameters are not typed
public record Pager(int page, int pages, long total, String previous, String next) {

    /** A pager for {@code page} of a list at {@code path}, keeping the list's filters (blank ones dropped). */
    static Pager of(ApiPage<?> page, String path, Map<String, String> filters) {
        return new Pager(page.page(), Math.max(1, page.pages()), page.total(),
                page.page() > 1 ? href(path, filters, page.page() - 1) : null,
                page.page() < page.pages() ? href(path, filters, page.page() + 1) : null);
    }

    public boolean several() {
        return pages > 1;
    }

    private static String href(String path, Map<String, String> filters, int page) {
        Map<String, String> parameters = new LinkedHashMap<>();
        filters.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                parameters.put(name, value);
            }
        });
        parameters.put("page", Integer.toString(page));
        StringBuilder href = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            href.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return href.toString();
    }
}
