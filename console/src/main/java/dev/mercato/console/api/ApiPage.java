package dev.mercato.console.api;

import java.util.List;

/** One page of an API list (docs/API.md "Lists"): the items and where they stand in the whole. */
public record ApiPage<T>(List<T> items, int page, int limit, long total, int pages) {
}
