package dev.mercato.console.web;

import io.quarkus.qute.TemplateData;

/**
 * Where a list page stands: its number, how many there are, and links to the previous and next (null at an end);
 * {@link ListFilters#pager} makes it.
 */
@TemplateData // read by the pager include, whose parameters are not typed
public record Pager(int page, int pages, long total, String previous, String next) {

    public boolean several() {
        return pages > 1;
    }
}
