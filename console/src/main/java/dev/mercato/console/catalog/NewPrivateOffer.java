package dev.mercato.console.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of {@code POST /api/v1/private-offers}: a draft; numbers as typed (see {@link NewDimension}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewPrivateOffer(String listingId, String customerId, Pricing pricing, String title, String notes) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pricing(Object discountPercentage, Object duration) {
    }
}
