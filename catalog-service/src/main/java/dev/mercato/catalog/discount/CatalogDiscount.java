package dev.mercato.catalog.discount;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.mercato.pricing.Discount;
import dev.mercato.pricing.Discount.DiscountType;

/**
 * A discount of a vendor (or of the platform): how much it takes off ({@link #arithmetic()}), when and
 * for how many units it applies, how often it may be redeemed and how partners share its cost. The
 * plans, articles and listings it applies to are JSON arrays of their ids ({@link DiscountMapper}).
 */
@Entity(name = "CatalogDiscount")
@Table(name = "discount")
public class CatalogDiscount {

    @Id
    public String id;

    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    /** The owner's organization path, what visibility is decided on. */
    @Column(name = "owner_path", nullable = false)
    public String ownerPath;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DiscountType type;

    public BigDecimal percentage;

    public BigDecimal price;

    public String currency;

    /** As the owner wrote it; matched without regard to letter case. */
    public String code;

    @Column(nullable = false)
    public String description;

    @Column(name = "start_date")
    public LocalDate startDate;

    /** The first day (UTC) on which it no longer applies. */
    @Column(name = "expiration_date")
    public LocalDate expirationDate;

    @Column(name = "min_units")
    public Long minUnits;

    @Column(name = "max_units")
    public Long maxUnits;

    @Column(name = "max_redemptions")
    public Integer maxRedemptions;

    /** Counted only by {@link DiscountRepository#redeemOnce}, never set from a request. */
    @Column(nullable = false)
    public int redemptions;

    @Column(name = "billing_cycles")
    public Integer billingCycles;

    @Column(name = "auto_apply", nullable = false)
    public boolean autoApply;

    @Column(nullable = false)
    public boolean retainable;

    @Column(name = "partner_share_percentage")
    public BigDecimal partnerSharePercentage;

    @Column(name = "base_partner_share_percentage")
    public BigDecimal basePartnerSharePercentage;

    @Enumerated(EnumType.STRING)
    @Column(name = "redemption_restriction", nullable = false)
    public RedemptionRestriction redemptionRestriction;

    @Column(name = "plan_ids", nullable = false)
    public String planIds;

    @Column(name = "article_skus", nullable = false)
    public String articleSkus;

    @Column(name = "listing_ids", nullable = false)
    public String listingIds;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** What it takes off a line, for the pricing engine. */
    public Discount arithmetic() {
        return new Discount(type, type == DiscountType.PERCENTAGE ? percentage : price, currency);
    }

    /** The partners' shares of what it takes off. */
    public Discount.Shares shares() {
        return new Discount.Shares(partnerSharePercentage, basePartnerSharePercentage);
    }

    /** Whether it applies on {@code date}: on or after its start, before its expiration. */
    public boolean activeOn(LocalDate date) {
        return (startDate == null || !date.isBefore(startDate))
                && (expirationDate == null || date.isBefore(expirationDate));
    }

    /** Whether a line of {@code units} lies within its unit limits. */
    public boolean acceptsUnits(long units) {
        return (minUnits == null || units >= minUnits) && (maxUnits == null || units <= maxUnits);
    }

    /** Whether it may still be redeemed: no limit, or fewer redemptions than the limit. */
    public boolean hasRedemptionsLeft() {
        return maxRedemptions == null || redemptions < maxRedemptions;
    }
}
