package dev.mercato.console.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of {@code PATCH /api/v1/listings/{id}}: only the fields given (not null) change. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListingChange(String name, String description, String productCode) {
}
