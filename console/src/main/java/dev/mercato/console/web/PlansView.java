package dev.mercato.console.web;

import java.util.List;

import dev.mercato.console.catalog.Plan;

/** One page of plans and the filters that chose it. */
public record PlansView(List<Plan> plans, Pager pager, ListFilters filters) {
}
