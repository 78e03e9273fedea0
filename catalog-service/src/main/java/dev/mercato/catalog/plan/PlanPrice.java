package dev.mercato.catalog.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import dev.mercato.pricing.PriceDefinition;
import dev.mercato.pricing.PricingStrategy;

/**
 * One price definition of a {@link PlanVersion}: when it is charged, its strategy and ranges, the
 * quantities it accepts, and for usage the listing dimension it meters. The version's currency and
 * period are repeated here so that the {@code /pricing} view filters on them. Never changed once its
 * version is published; a draft's prices are replaced as a whole.
 */
@Entity
@Table(name = "plan_price")
public class PlanPrice {

    @Id
    public String id;

    @Column(name = "version_id", nullable = false)
    public String versionId;

    @Column(name = "plan_id", nullable = false)
    public String planId;

    @Column(name = "plan_version", nullable = false)
    public int planVersion;

    /** Its place among the version's prices, from 0. */
    @Column(nullable = false)
    public int position;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(nullable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "pricing_period")
    public PricingPeriod pricingPeriod;

    @Enumerated(EnumType.STRING)
    @Column(name = "cost_type_category", nullable = false)
    public CostTypeCategory costTypeCategory;

    @Enumerated(EnumType.STRING)
    @Column(name = "pricing_strategy", nullable = false)
    public PricingStrategy pricingStrategy;

    /** What one unit is (USER, GB); a label. */
    public String unit;

    @Column(name = "listing_id")
    public String listingId;

    @Column(name = "dimension_key")
    public String dimensionKey;

    @Column(name = "unit_allows_decimals", nullable = false)
    public boolean unitAllowsDecimals;

    public BigDecimal increment;

    @Column(name = "package_size")
    public BigDecimal packageSize;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    // Eager: a price is never read without its ranges, and the reactive session cannot load them lazily.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_price_range", joinColumns = @JoinColumn(name = "price_id"))
    @OrderColumn(name = "position")
    public List<PriceRange> ranges = new ArrayList<>();

    /** The price as the pricing engine computes with it (validated when the price was stored). */
    public PriceDefinition definition() {
        return new PriceDefinition(pricingStrategy, ranges.stream().map(PriceRange::toTier).toList(), packageSize,
                unitAllowsDecimals, increment);
    }
}
