package dev.mercato.console.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of {@code POST /api/v1/listings}, without dimensions (they are added one by one). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewListing(String vendor, String vendorId, String name, String description, String productCode,
        String currency) {
}
