package dev.mercato.order.opportunity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The body of {@code PATCH /api/v1/opportunities/{id}}: the new sales status, and optionally the version the
 * caller read (a later change then answers 409 instead of being overwritten).
 */
public record UpdateOpportunityRequest(
        @NotNull SalesStatus salesStatus,
        @PositiveOrZero Long version) {
}
