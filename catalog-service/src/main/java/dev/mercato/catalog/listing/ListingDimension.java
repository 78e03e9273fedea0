package dev.mercato.catalog.listing;

import java.math.BigDecimal;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a listing meters and charges per unit: {@code api_calls} in calls at 0.001 each. Never removed
 * from its listing (usage, plans and invoices keep naming it); {@code retiredAt} set means no new usage.
 *
 * @param decimals       how many decimal places a reported quantity may have (0 = whole units)
 * @param aggregation    how an hour's usage is measured; never changes
 * @param uniqueProperty for UNIQUE_COUNT, the usage property whose distinct values are counted; never changes
 * @param tokenRate      prepaid tokens one unit draws, or null when not prepaid
 */
@RegisterForReflection // stored as JSON in listing.dimensions and sent in events
public record ListingDimension(String key, String title, String unit, BigDecimal pricePerUnit, int decimals,
        String description, Instant retiredAt, DimensionAggregation aggregation, String uniqueProperty,
        BigDecimal tokenRate) {

    /** A usage property's name, as ingestion accepts it in an event's properties. */
    static final String PROPERTY_NAME = "[A-Za-z][A-Za-z0-9_.-]{0,63}";
    static final String PROPERTY_NAME_RULE = "must be 1-64 letters, digits, '_', '.' or '-', starting with a letter";

    @JsonIgnore
    public boolean isRetired() {
        return retiredAt != null;
    }

    ListingDimension retired(Instant at) {
        return new ListingDimension(key, title, unit, pricePerUnit, decimals, description, at, aggregation,
                uniqueProperty, tokenRate);
    }

    ListingDimension changed(UpdateDimensionRequest change) {
        return new ListingDimension(key,
                change.title() != null ? change.title().strip() : title,
                unit,
                change.pricePerUnit() != null ? change.pricePerUnit() : pricePerUnit,
                decimals,
                change.description() != null ? change.description() : description,
                retiredAt, aggregation, uniqueProperty,
                change.tokenRate() != null ? change.tokenRate() : tokenRate);
    }
}
