package dev.mercato.console.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code PATCH /api/v1/listings/{id}/dimensions/{key}}: only the fields given change (key, unit, decimals
 * and how usage is measured never do). Numbers as typed (see {@link NewDimension}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DimensionChange(String title, Object pricePerUnit, String description, Object tokenRate) {
}
