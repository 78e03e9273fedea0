package dev.mercato.catalog.listing;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a listing meters and charges per unit: {@code api_calls} in calls at 0.001 each. Never removed
 * from its listing (usage, plans and invoices keep naming it); {@code retiredAt} set means no new usage.
 *
 * @param decimals how many decimal places a reported quantity may have (0 = whole units)
 */
@RegisterForReflection // stored as JSON in listing.dimensions and sent in events
public record ListingDimension(String key, String title, String unit, BigDecimal pricePerUnit, int decimals,
        String description, Instant retiredAt) {

    @JsonIgnore
    public boolean isRetired() {
        return retiredAt != null;
    }

    ListingDimension retired(Instant at) {
        return new ListingDimension(key, title, unit, pricePerUnit, decimals, description, at);
    }

    ListingDimension changed(UpdateDimensionRequest change) {
        return new ListingDimension(key,
                change.title() != null ? change.title().strip() : title,
                unit,
                change.pricePerUnit() != null ? change.pricePerUnit() : pricePerUnit,
                decimals,
                change.description() != null ? change.description() : description,
                retiredAt);
    }
}
