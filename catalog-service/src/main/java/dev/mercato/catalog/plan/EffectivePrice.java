package dev.mercato.catalog.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
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

import org.hibernate.annotations.Immutable;

import dev.mercato.pricing.PricingStrategy;

/**
 * One row of {@code /pricing}, read from the view {@code effective_price}: either a price definition of a
 * plan's newest published version ({@link Kind#PLAN}) or one currency's amount of an article's purchase
 * or retail price object ({@link Kind#SKU}, a UNIT price of one open range within the article's
 * orderable window). Read-only; the plan prices and article prices it shows are written elsewhere.
 */
@Entity
@Immutable
@Table(name = "effective_price")
public class EffectivePrice {

    /** What an effective price belongs to. */
    public enum Kind {
        PLAN, SKU
    }

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "plan_id")
    public String planId;

    @Column(name = "plan_version")
    public Integer planVersion;

    public String sku;

    /** {@code PUR} or {@code SRP} for a SKU price; null for a plan price. */
    @Column(name = "price_list")
    public String priceList;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    @Column(nullable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "pricing_period")
    public PricingPeriod pricingPeriod;

    @Enumerated(EnumType.STRING)
    @Column(name = "cost_type_category")
    public CostTypeCategory costTypeCategory;

    @Enumerated(EnumType.STRING)
    @Column(name = "pricing_strategy", nullable = false)
    public PricingStrategy pricingStrategy;

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

    /** The article's orderable window (either end open when null); null for a plan price. */
    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    // Eager: a price is never read without its ranges, and the reactive session cannot load them lazily.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "effective_price_range", joinColumns = @JoinColumn(name = "price_id"))
    @OrderColumn(name = "position")
    public List<PriceRange> ranges = new ArrayList<>();

    /**
     * The unit price of the first range. Read as stored, not through the pricing engine: an article's
     * amount may exceed what the engine accepts as a plan price, and a read must never refuse a row.
     */
    public BigDecimal startingPrice() {
        return ranges.isEmpty() ? null : ranges.get(0).salePrice;
    }
}
