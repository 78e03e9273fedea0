package dev.mercato.console.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A listing as {@code /api/v1/listings} shows it, with the dimensions its usage is metered in. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Listing(String id, String vendor, String vendorId, String name, String description, String productCode,
        String currency, String status, List<Dimension> dimensions, Instant createdAt) {

    public Listing {
        dimensions = dimensions == null ? List.of() : dimensions;
    }

    /** A metered dimension; {@code retiredAt} set means it takes no new usage. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Dimension(String key, String title, String unit, BigDecimal pricePerUnit, int decimals,
            String description, Instant retiredAt, String aggregation, String uniqueProperty, BigDecimal tokenRate) {

        public boolean retired() {
            return retiredAt != null;
        }
    }

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
