package dev.mercato.console.web;

import java.util.List;

import dev.mercato.console.catalog.Article;

/** One page of articles and the filters that chose it. */
public record ArticlesView(List<Article> articles, Pager pager, ListFilters filters) {
}
