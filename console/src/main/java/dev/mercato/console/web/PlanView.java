package dev.mercato.console.web;

import java.util.List;

import dev.mercato.console.catalog.Plan;

/** One plan, its versions newest first, and whether the user may publish its draft. */
public record PlanView(Plan plan, List<Plan.Version> versions, boolean mayPublish, String notice) {
}
