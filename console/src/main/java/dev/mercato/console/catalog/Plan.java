package dev.mercato.console.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A plan as {@code /api/v1/plans} shows it: in a list without versions, alone with every version the user may see
 * ({@code draftVersion} only for its owner and the platform).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Plan(String id, String ownerId, String name, String description, String listingId,
        Integer publishedVersion, Integer draftVersion, List<Version> versions, Instant createdAt) {

    public Plan {
        versions = versions == null ? List.of() : versions;
    }

    public boolean hasDraft() {
        return draftVersion != null;
    }

    /** One version with its prices. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Version(int version, String status, String currency, String pricingPeriod,
            List<Price> priceDefinitions, Instant publishedAt) {

        public Version {
            priceDefinitions = priceDefinitions == null ? List.of() : priceDefinitions;
        }
    }

    /** One price of a version, with its ranges; {@code dimensionKey} for a usage price. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Price(String costTypeCategory, String pricingStrategy, String unit, List<Range> priceRanges,
            String dimensionKey) {

        public Price {
            priceRanges = priceRanges == null ? List.of() : priceRanges;
        }
    }

    /** Quantities above {@code min} up to and including {@code max} (null: no upper bound). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Range(BigDecimal min, BigDecimal max, BigDecimal salePrice, BigDecimal wholeSalePrice,
            BigDecimal flatAmount) {
    }
}
