package dev.mercato.catalog.plan;

/** A plan version is edited as a {@code DRAFT} and frozen for good once {@code PUBLISHED}. */
public enum PlanVersionStatus {
    DRAFT, PUBLISHED
}
