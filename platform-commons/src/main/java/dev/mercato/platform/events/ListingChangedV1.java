package dev.mercato.platform.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The state of a listing after a change, as catalog-service publishes it on {@link Topics#CATALOG_LISTINGS}
 * (type {@value #CHANGED}), keyed by the listing id. Metering validates usage against its dimensions:
 * a retired dimension takes no new usage. {@code version} grows with every change.
 *
 * @param vendor   the marketplace: aws, azure or direct
 * @param vendorId the vendor organization that owns the listing
 * @param status   ACTIVE or RETIRED
 */
@RegisterForReflection // read and written by Jackson outside REST (Kafka payloads)
public record ListingChangedV1(
        String id,
        String vendor,
        String vendorId,
        String name,
        String description,
        String productCode,
        String currency,
        String status,
        List<DimensionV1> dimensions,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static final String CHANGED = "mercato.catalog.listing.changed.v1";

    /**
     * A metered dimension; {@code decimals} is how many decimal places a usage quantity may have.
     *
     * @param aggregation    how its hourly usage is measured: SUM, COUNT, MAX, LATEST or UNIQUE_COUNT
     * @param uniqueProperty for UNIQUE_COUNT, the usage property whose distinct values are counted, else null
     * @param tokenRate      prepaid tokens one unit draws from the customer's balance, or null when not prepaid
     */
    @RegisterForReflection // part of a Kafka payload
    public record DimensionV1(String key, String title, String unit, BigDecimal pricePerUnit, int decimals,
            String description, Instant retiredAt, String aggregation, String uniqueProperty, BigDecimal tokenRate) {
    }
}
