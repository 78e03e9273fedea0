package dev.mercato.catalog.plan;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Stored plans. */
@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, String> {
}
