package dev.mercato.console.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of {@code POST /api/v1/listings/{id}/dimensions}. Numbers are sent as typed (a JSON number when they read as
 * one), so the API judges them; null fields take the API's defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewDimension(String key, String title, String unit, Object pricePerUnit, Object decimals,
        String description, String aggregation, String uniqueProperty, Object tokenRate) {
}
