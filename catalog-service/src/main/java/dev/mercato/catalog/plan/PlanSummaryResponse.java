package dev.mercato.catalog.plan;

import java.time.Instant;

/** A plan in a list or export, without its versions (read them with {@code GET /plans/{id}}). */
public record PlanSummaryResponse(
        String id,
        String ownerId,
        String name,
        String description,
        String listingId,
        Integer publishedVersion,
        Integer draftVersion,
        Instant createdAt,
        Instant updatedAt) {
}
