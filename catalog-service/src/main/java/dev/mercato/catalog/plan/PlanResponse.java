package dev.mercato.catalog.plan;

import java.time.Instant;
import java.util.List;

/**
 * A plan with the versions the caller may see: every published one, and the draft only for its owner
 * and the platform ({@code draftVersion} is null for everyone else).
 */
public record PlanResponse(
        String id,
        String ownerId,
        String name,
        String description,
        String listingId,
        Integer publishedVersion,
        Integer draftVersion,
        List<PlanVersionResponse> versions,
        Instant createdAt,
        Instant updatedAt) {
}
